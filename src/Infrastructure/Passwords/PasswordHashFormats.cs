using AuthPlatform.Application.Common.Interfaces;

namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>The formats <see cref="PasswordHasher"/> verifies: the current one and every registered legacy format.</summary>
public sealed class PasswordHashFormats(Argon2idHashFormat current, IEnumerable<IPasswordHashFormat> legacyFormats) : IPasswordHashFormats
{
    private readonly IPasswordHashFormat[] _formats = [current, .. legacyFormats.Where(f => f is not Argon2idHashFormat)];

    public StoredHashAssessment Assess(string storedHash)
    {
        if (_formats.FirstOrDefault(f => f.Recognizes(storedHash)) is { } format)
        {
            return format.ParameterProblem(storedHash) is { } problem
                ? new StoredHashAssessment(StoredHashVerdict.OutOfBounds, problem)
                : StoredHashAssessment.Verifiable;
        }

        // Not verifiable here at all; still say so precisely when its parameters are absurd.
        return ScryptCostBounds.ProblemWith(storedHash) is { } scrypt
            ? new StoredHashAssessment(StoredHashVerdict.OutOfBounds, scrypt)
            : StoredHashAssessment.UnknownFormat;
    }
}
