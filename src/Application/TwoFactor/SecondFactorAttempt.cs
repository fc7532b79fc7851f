using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.TwoFactor;
using AuthPlatform.Domain.Users;
using MapsterMapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.TwoFactor;

/// <summary>A second factor proven: the finished sign-in when it completed one (with a trusted-device token when asked for).</summary>
public sealed record SecondFactorVerified(SignInOutcome? SignedIn, UserDto User);

/// <summary>Who is presenting a code: a signed-in user (enrolment, re-verification) or a pending sign-in.</summary>
internal sealed record SecondFactorAttemptContext(User User, TwoFactorChallenge? Challenge, TwoFactorEnrolment? Enrolment);

/// <summary>
/// The steps verify-totp and verify-backup-code share: find the caller (session or two_factor challenge),
/// take an attempt before the code is judged (the per-challenge cap and the per-user lockout, counted in the
/// database), and on success consume the challenge (atomically: one success per challenge), start the
/// session and trust the device.
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
                // The row stays until it expires (the cleanup job removes it), so every later attempt gets this answer.
                return SecondFactorErrors.TooManyAttempts;
            }

            userId = challenge.UserId;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.IsDisabledAt(now))
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

    /// <summary>
    /// Takes one attempt before the code is judged: one of the challenge's <see cref="TwoFactorChallenge.MaxAttempts"/>
    /// and one towards the user's lockout (<see cref="TwoFactorOptions.MaxFailedAttempts"/> in a row lock the
    /// factor at once; a right code clears the count and the lock again). Each is one conditional UPDATE, so
    /// concurrent guesses cannot all read the same count: a code is judged only once its attempt was taken.
    /// Null when the code may be judged; else the refusal.
    /// </summary>
    public async Task<Error?> TakeAsync(SecondFactorAttemptContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (context.Challenge is { } challenge)
        {
            var taken = await db.TwoFactorChallenges
                .Where(c => c.Id == challenge.Id && c.Attempts < TwoFactorChallenge.MaxAttempts)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken);
            if (taken == 0)
            {
                // Spent: the user signs in again for a new challenge. Gone: another request completed it.
                return await db.TwoFactorChallenges.AnyAsync(c => c.Id == challenge.Id, cancellationToken)
                    ? SecondFactorErrors.TooManyAttempts
                    : SecondFactorErrors.InvalidTwoFactorCookie;
            }
        }

        if (context.Enrolment is { } enrolment)
        {
            var limit = options.Value.MaxFailedAttempts;
            DateTimeOffset? lockedUntil = now + options.Value.LockoutDuration;
            var taken = await db.TwoFactorEnrolments
                .Where(e => e.Id == enrolment.Id && (e.LockedUntil == null || e.LockedUntil <= now))
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(e => e.FailedAttempts, e => e.FailedAttempts + 1 >= limit ? 0 : e.FailedAttempts + 1)
                        .SetProperty(e => e.LockedUntil, e => e.FailedAttempts + 1 >= limit ? lockedUntil : e.LockedUntil)
                        .SetProperty(e => e.UpdatedAt, now),
                    cancellationToken);

            // The tracked copy follows the row, so a success's reset is written whatever the count now is.
            await db.TwoFactorEnrolments.Entry(enrolment).ReloadAsync(cancellationToken);
            if (taken == 0)
            {
                return enrolment.IsLocked(now) ? SecondFactorErrors.AccountLocked(enrolment.LockedUntil!.Value - now) : SecondFactorErrors.InvalidTwoFactorCookie;
            }
        }

        return null;
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
