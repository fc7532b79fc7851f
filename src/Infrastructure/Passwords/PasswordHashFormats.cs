using AuthPlatform.Application.Common.Interfaces;

namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>The formats <see cref="PasswordHasher"/> verifies: the current one and every registered legacy format.</summary>
public sealed class PasswordHashFormats(Argon2idHashFormat current, IEnumerable<IPasswordHashFormat> legacyFormats) : IPasswordHashFormats
{
    private readonly IPasswordHashFormat[] _formats = [current, .. legacyFormats];

    public bool CanVerify(string storedHash) => _formats.Any(f => f.Recognizes(storedHash));
}
