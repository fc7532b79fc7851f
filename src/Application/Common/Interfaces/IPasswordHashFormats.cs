namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Which stored-hash formats this service can verify (Argon2id, BetterAuth's scrypt, ...), so a hash from
/// elsewhere is only taken over when its owner will be able to sign in with it.
/// </summary>
public interface IPasswordHashFormats
{
    bool CanVerify(string storedHash);
}
