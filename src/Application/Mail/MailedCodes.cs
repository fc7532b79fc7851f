using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Mail;

/// <summary>
/// Mailed one-time codes: minting one (its keyed digest stored, the code only in the mail), and judging a
/// guess. Only the newest code of an address and kind counts, so a new send makes the earlier ones useless.
/// A guess is judged only after it took one of the code's attempts in one conditional UPDATE, so concurrent
/// wrong guesses cannot all read the same count: at most <see cref="EmailOtpOptions.AllowedAttempts"/> of them
/// are ever judged, whatever their number (docs/adr/0125-magic-links-and-email-codes.md).
/// </summary>
public sealed class MailedCodes(IAuthDbContext db, TimeProvider clock, IOptions<AuthOptions> auth, IOptions<EmailOtpOptions> options)
{
    private readonly byte[] _key = SecretKeys.EmailCode(auth.Value.SecretRing is [var current, ..] ? current : string.Empty);

    /// <summary>Adds (tracked) a new code for <paramref name="email"/> and returns it for the mail.</summary>
    public EmailCode Issue(MailedSecretKind kind, string email, DateTimeOffset now)
    {
        var code = EmailCode.Generate();
        db.MailedSecrets.Add(MailedSecret.Issue(kind, email, DigestOf(kind, email, code.Value), name: null, options.Value.ExpiresIn, now));
        return code;
    }

    /// <summary>
    /// Judges <paramref name="guess"/> against the newest <paramref name="kind"/> code of <paramref name="email"/>.
    /// On success the code is used up, unless <paramref name="consume"/> is false (check-verification-otp, or a
    /// caller that consumes it later with <see cref="TryConsumeAsync"/>): then the attempt it took is given back.
    /// </summary>
    public async Task<Result<MailedSecret>> JudgeAsync(MailedSecretKind kind, string email, string? guess, bool consume, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var code = await db.MailedSecrets.AsNoTracking()
            .Where(s => s.Kind == kind && s.Email == email)
            .OrderByDescending(s => s.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (code is null || code.ConsumedAt is not null)
        {
            return Errors.InvalidOtp;
        }

        if (code.IsExpired(now))
        {
            return Errors.OtpExpired;
        }

        var id = code.Id;
        var allowed = options.Value.AllowedAttempts;
        var taken = await db.MailedSecrets
            .Where(s => s.Id == id && s.ConsumedAt == null && s.Attempts < allowed)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Attempts, s => s.Attempts + 1), cancellationToken);
        if (taken == 0)
        {
            // Spent, or used by a request that raced this one.
            return await db.MailedSecrets.AnyAsync(s => s.Id == id && s.ConsumedAt == null, cancellationToken)
                ? Errors.TooManyOtpAttempts
                : Errors.InvalidOtp;
        }

        if (!EmailCode.TryParse(guess, out var parsed) || !CryptographicOperations.FixedTimeEquals(DigestOf(kind, email, parsed.Value), code.Digest))
        {
            return Errors.InvalidOtp;
        }

        if (consume)
        {
            return await TryConsumeAsync(code, cancellationToken) ? code : Errors.InvalidOtp;
        }

        // A right guess that uses nothing yet costs no attempt (BetterAuth restores the row unchanged).
        await db.MailedSecrets.Where(s => s.Id == id).ExecuteUpdateAsync(set => set.SetProperty(s => s.Attempts, s => s.Attempts - 1), cancellationToken);
        return code;
    }

    /// <summary>Marks the code used with one conditional UPDATE: of two requests racing, exactly one sees true.</summary>
    public async Task<bool> TryConsumeAsync(MailedSecret code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = code.Id;
        return await db.MailedSecrets
            .Where(s => s.Id == id && s.ConsumedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ConsumedAt, now), cancellationToken) == 1;
    }

    /// <summary>HMAC of kind, address and code under <see cref="SecretKeys.EmailCode"/>: a code of one address or kind matches no other.</summary>
    private byte[] DigestOf(MailedSecretKind kind, string email, string code) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{kind}|{email}|{code}"));
}
