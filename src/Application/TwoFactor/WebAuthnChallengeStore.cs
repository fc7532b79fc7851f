using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Domain.Passkeys;
using AuthPlatform.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.TwoFactor;

/// <summary>The options a WebAuthn ceremony was started with and the browser's handle on them (a cookie token).</summary>
public sealed record WebAuthnCeremonyStarted(string OptionsJson, SessionToken Handle)
{
    public override string ToString() => "WebAuthnCeremonyStarted(***)";
}

/// <summary>
/// Keeps ceremony options between the two requests of a ceremony. Taking a challenge deletes it in the same
/// statement that reads it, so each challenge is answered at most once, successfully or not.
/// </summary>
internal sealed class WebAuthnChallengeStore(IAuthDbContext db, TimeProvider clock, IOptions<PasskeyOptions> options)
{
    public async Task<WebAuthnCeremonyStarted> IssueAsync(WebAuthnCeremony ceremony, string? userId, string optionsJson, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var handle = SessionToken.Generate();

        // Expired challenges are swept here, so the table holds only live ceremonies.
        await db.WebAuthnChallenges.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        db.WebAuthnChallenges.Add(WebAuthnChallenge.Issue(handle, ceremony, userId, optionsJson, options.Value.ChallengeLifetime, now));
        await db.SaveChangesAsync(cancellationToken);
        return new WebAuthnCeremonyStarted(optionsJson, handle);
    }

    /// <summary>The live challenge of <paramref name="ceremony"/> behind <paramref name="handle"/>, removed from the store; null if none.</summary>
    public async Task<WebAuthnChallenge?> TakeAsync(SessionToken? handle, WebAuthnCeremony ceremony, CancellationToken cancellationToken)
    {
        if (handle is not { } presented)
        {
            return null;
        }

        var digest = presented.ComputeDigest();
        var challenge = await db.WebAuthnChallenges.AsNoTracking().FirstOrDefaultAsync(c => c.TokenDigest == digest, cancellationToken);
        if (challenge is null || await db.WebAuthnChallenges.Where(c => c.Id == challenge.Id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return null;
        }

        return challenge.Ceremony == ceremony && !challenge.IsExpired(clock.GetUtcNow()) ? challenge : null;
    }
}
