using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Passwords;

public sealed class PasswordHashingQueueOptionsValidator : IValidateOptions<PasswordHashingQueueOptions>
{
    public ValidateOptionsResult Validate(string? name, PasswordHashingQueueOptions options)
    {
        var problems = new List<string>();
        if (options.Workers is < 0 or > 256)
        {
            problems.Add($"Auth:PasswordHashing:Workers must be 0 (one per core) to 256; it is {options.Workers}.");
        }

        if (options.QueueLength is < 0 or > 10_000)
        {
            problems.Add($"Auth:PasswordHashing:QueueLength must be 0 to 10000; it is {options.QueueLength}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
