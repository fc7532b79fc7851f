using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Validation;

namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>
/// Hashes with the current format (Argon2id) and verifies any known format, asking for a rehash
/// when the stored one is not current. Passwords are NFKC-normalised first, as BetterAuth does.
/// </summary>
public sealed class PasswordHasher : IPasswordHasher
{
    private readonly Argon2idHashFormat _current;
    private readonly IPasswordHashFormat[] _formats;
    private readonly Lazy<string> _dummyHash;

    public PasswordHasher(Argon2idHashFormat current, IEnumerable<IPasswordHashFormat> legacyFormats)
    {
        _current = current;
        _formats = [current, .. legacyFormats.Where(f => f is not Argon2idHashFormat)];

        // A real hash of a random password with the current parameters, so a dummy verification costs
        // exactly what a real one costs.
        _dummyHash = new Lazy<string>(() => current.Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));
    }

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_current.Hash(PasswordRules.Normalize(password)));
    }

    public ValueTask<PasswordVerification> VerifyAsync(string password, string storedHash, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var normalized = PasswordRules.Normalize(password);
        foreach (var format in _formats)
        {
            if (!format.Recognizes(storedHash))
            {
                continue;
            }

            if (!format.Verify(normalized, storedHash, out var rehashNeeded))
            {
                return ValueTask.FromResult(PasswordVerification.Failed);
            }

            return ValueTask.FromResult(rehashNeeded || format != _current
                ? PasswordVerification.SucceededRehashNeeded
                : PasswordVerification.Succeeded);
        }

        return ValueTask.FromResult(PasswordVerification.Failed);
    }

    public ValueTask<PasswordVerification> VerifyAgainstDummyAsync(string password, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _current.Verify(PasswordRules.Normalize(password), _dummyHash.Value, out _);
        return ValueTask.FromResult(PasswordVerification.Failed);
    }
}
