using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.TwoFactor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.SignInPipeline;

/// <summary>What a sign-in must do after its first factor: a challenge, or a session (with a renewed trusted-device token).</summary>
public sealed record SecondFactorDecision(SessionToken? Challenge, SessionToken? RenewedTrustedDevice, IReadOnlyList<string> Methods)
{
    public static readonly SecondFactorDecision NotRequired = new(null, null, []);

    public bool Required => Challenge is not null;
}

/// <summary>
/// The sign-in interception, for every way in whose policy row asks for it: a user with a verified second
/// factor gets a challenge instead of a session, unless the browser presents a valid trusted-device token
/// (which is then swapped for a new one). The rows are added to the context; the caller saves. Only
/// <see cref="SessionIssuer"/> uses it.
/// </summary>
internal sealed class SecondFactorGate(IAuthDbContext db, TimeProvider clock, IOptions<TwoFactorOptions> options)
{
    public const string TotpMethod = "totp";

    public async Task<SecondFactorDecision> DecideAsync(string userId, SignInMethod method, SessionToken? trustedDevice, bool rememberMe, CancellationToken cancellationToken)
    {
        var enrolled = await db.TwoFactorEnrolments.AnyAsync(e => e.UserId == userId && e.Verified, cancellationToken);
        if (!enrolled)
        {
            return SecondFactorDecision.NotRequired;
        }

        var now = clock.GetUtcNow();
        var settings = options.Value;
        if (trustedDevice is { } presented)
        {
            var digest = presented.ComputeDigest();
            var device = await db.TrustedDevices.FirstOrDefaultAsync(d => d.TokenDigest == digest && d.UserId == userId, cancellationToken);
            var passwordChangedAt = await db.PasswordCredentials.Where(c => c.UserId == userId).Select(c => (DateTimeOffset?)c.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
            if (device is not null && device.IsValid(now, passwordChangedAt))
            {
                var renewed = SessionToken.Generate();
                device.Rotate(renewed, settings.TrustDeviceLifetime, now);
                return new SecondFactorDecision(null, renewed, []);
            }

            if (device is not null)
            {
                db.TrustedDevices.Remove(device);
            }
        }

        var challenge = SessionToken.Generate();
        db.TwoFactorChallenges.Add(TwoFactorChallenge.Start(userId, challenge, rememberMe, settings.ChallengeLifetime, now, SignInPolicy.NameOf(method)));
        return new SecondFactorDecision(challenge, null, [TotpMethod]);
    }
}
