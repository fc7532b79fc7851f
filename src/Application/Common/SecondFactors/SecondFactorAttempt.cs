using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.GetSession;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.TwoFactor;
using AuthPlatform.Domain.Users;
using MapsterMapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.SecondFactors;

/// <summary>A second factor proven: the finished sign-in when it completed one (with a trusted-device token when asked for).</summary>
public sealed record SecondFactorVerified(SignInOutcome? SignedIn, UserDto User);

/// <summary>Who is presenting a code: a signed-in user (enrolment, re-verification) or a pending sign-in.</summary>
internal sealed record SecondFactorAttemptContext(User User, TwoFactorChallenge? Challenge, TwoFactorEnrolment? Enrolment);

/// <summary>
/// The steps verify-totp and verify-backup-code share: find the caller (session or two_factor challenge),
/// enforce the per-challenge attempt cap and the per-user lockout, count failures, and on success consume
/// the challenge (atomically: one success per challenge), start the session and trust the device.
/// </summary>
internal sealed class SecondFactorAttempt(IAuthDbContext db, IMapper mapper, TimeProvider clock, IOptions<TwoFactorOptions> options, SessionIssuer issuer)
{
    public async Task<Result<SecondFactorAttemptContext>> BeginAsync(CurrentSession? actor, SessionToken? challengeToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        TwoFactorChallenge? challenge = null;
        string userId;
        if (actor is not null)
        {
            userId = actor.User.Id;
        }
        else
        {
            if (challengeToken is not { } token)
            {
                return SecondFactorErrors.InvalidTwoFactorCookie;
            }

            var digest = token.ComputeDigest();
            challenge = await db.TwoFactorChallenges.FirstOrDefaultAsync(c => c.TokenDigest == digest, cancellationToken);
            if (challenge is null || challenge.IsExpired(now))
            {
                return SecondFactorErrors.InvalidTwoFactorCookie;
            }

            if (challenge.AttemptsExhausted)
            {
                db.TwoFactorChallenges.Remove(challenge);
                await db.SaveChangesAsync(cancellationToken);
                return SecondFactorErrors.TooManyAttempts;
            }

            userId = challenge.UserId;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.IsDisabled)
        {
            return SecondFactorErrors.InvalidTwoFactorCookie;
        }

        var enrolment = await db.TwoFactorEnrolments.FirstOrDefaultAsync(e => e.UserId == userId, cancellationToken);
        if (enrolment is not null && enrolment.IsLocked(now))
        {
            return SecondFactorErrors.AccountLocked(enrolment.LockedUntil!.Value - now);
        }

        return new SecondFactorAttemptContext(user, challenge, enrolment);
    }

    /// <summary>A wrong code: one attempt of the challenge and one failure towards the user's lockout.</summary>
    public async Task<Error> FailAsync(SecondFactorAttemptContext context, Error error, CancellationToken cancellationToken)
    {
        context.Challenge?.RecordFailedAttempt();
        context.Enrolment?.RecordFailure(options.Value.MaxFailedAttempts, options.Value.LockoutDuration, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return error;
    }

    public async Task<Result<SecondFactorVerified>> SucceedAsync(SecondFactorAttemptContext context, bool trustDevice, ClientInfo client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var user = context.User;
        context.Enrolment?.RecordSuccess(now);
        if (context.Challenge is not { } challenge)
        {
            await db.SaveChangesAsync(cancellationToken);
            return new SecondFactorVerified(null, mapper.Map<UserDto>(user));
        }

        // One success per challenge, whatever races: the delete decides.
        if (await db.TwoFactorChallenges.Where(c => c.Id == challenge.Id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return SecondFactorErrors.InvalidTwoFactorCookie;
        }

        db.TwoFactorChallenges.Entry(challenge).State = EntityState.Detached;
        var signedIn = issuer.CompleteSecondFactor(user, challenge, trustDevice, client);
        await db.SaveChangesAsync(cancellationToken);
        return new SecondFactorVerified(signedIn, signedIn.Session!.User);
    }
}
