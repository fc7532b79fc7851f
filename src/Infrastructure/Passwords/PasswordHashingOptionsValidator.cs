using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>Refuses Argon2id settings weaker than every row of OWASP's minimum table.</summary>
public sealed class PasswordHashingOptionsValidator : IValidateOptions<PasswordHashingOptions>
{
    /// <summary>OWASP Password Storage Cheat Sheet, Argon2id minimums: (memory KiB, iterations).</summary>
    private static readonly (int MemoryKiB, int Iterations)[] OwaspMinimums =
        [(47104, 1), (19456, 2), (12288, 3), (9216, 4), (7168, 5)];

    public ValidateOptionsResult Validate(string? name, PasswordHashingOptions options)
    {
        var problems = new List<string>();
        if (!OwaspMinimums.Any(row => options.MemoryKiB >= row.MemoryKiB && options.Iterations >= row.Iterations))
        {
            problems.Add($"Auth:PasswordHashing m={options.MemoryKiB} KiB, t={options.Iterations} is below the OWASP Argon2id minimum (e.g. m=19456, t=2).");
        }

        if (options.MemoryKiB > 1024 * 1024)
        {
            problems.Add("Auth:PasswordHashing:MemoryKiB above 1 GiB per hash would exhaust memory under load.");
        }

        if (options.MaxMemoryKiB < options.MemoryKiB || options.MaxMemoryKiB > 1024 * 1024)
        {
            problems.Add($"Auth:PasswordHashing:MaxMemoryKiB {options.MaxMemoryKiB} must be at least MemoryKiB ({options.MemoryKiB}) and at most 1048576 (1 GiB).");
        }

        if (options.MaxIterations < options.Iterations || options.MaxIterations > 64)
        {
            problems.Add($"Auth:PasswordHashing:MaxIterations {options.MaxIterations} must be at least Iterations ({options.Iterations}) and at most 64.");
        }

        if (options.Parallelism != 1)
        {
            problems.Add("Auth:PasswordHashing:Parallelism must be 1 (libsodium's Argon2id is single-lane).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
