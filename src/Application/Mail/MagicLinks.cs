using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Verification;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Mail;

/// <summary>Magic links: minted at send time (the token only in the mail, its <see cref="OneTimeToken.ComputeDigest"/> stored) and used once.</summary>
public static class MagicLinks
{
    public static OneTimeToken Issue(IAuthDbContext db, string email, string? name, TimeSpan lifetime, DateTimeOffset now)
    {
        var token = OneTimeToken.Generate();
        db.MailedSecrets.Add(MailedSecret.Issue(MailedSecretKind.MagicLink, email, token.ComputeDigest(), name, lifetime, now));
        return token;
    }

    /// <summary>
    /// Uses the link behind <paramref name="token"/>: one conditional UPDATE, so of two requests with the same
    /// link exactly one gets it. Null for an unknown, altered, used or expired link.
    /// </summary>
    public static async Task<MailedSecret?> TryUseAsync(IAuthDbContext db, string? token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!OneTimeToken.TryParse(token, out var parsed))
        {
            return null;
        }

        var digest = parsed.ComputeDigest();
        var link = await db.MailedSecrets.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Digest == digest && s.Kind == MailedSecretKind.MagicLink, cancellationToken);
        if (link is null)
        {
            return null;
        }

        var id = link.Id;
        var used = await db.MailedSecrets
            .Where(s => s.Id == id && s.ConsumedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ConsumedAt, now), cancellationToken);
        return used == 1 ? link : null;
    }
}
