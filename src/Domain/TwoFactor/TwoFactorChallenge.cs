using AuthPlatform.Domain.Common;
using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.Domain.TwoFactor;

/// <summary>
/// A sign-in that passed the password and waits for the second factor. The browser holds the challenge
/// token in the short-lived two_factor cookie; the row holds only its digest. It is no session: nothing
/// but the verify routes accepts it, it allows a few attempts, and it is consumed by the first success.
/// </summary>
public sealed class TwoFactorChallenge
{
    public const int MaxAttempts = 5;

    private TwoFactorChallenge()
    {
        Id = string.Empty;
        UserId = string.Empty;
        TokenDigest = [];
    }

    public string Id { get; private set; }

    public string UserId { get; private set; }

    public byte[] TokenDigest { get; private set; }

    /// <summary>Carried over from the sign-in: the session that results keeps the user's choice.</summary>
    public bool RememberMe { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>
    /// The way of signing in that this challenge interrupted (a sign-in policy method name, e.g. "password",
    /// "social"): the session that completes it records that method's proof and the second factor's.
    /// </summary>
    public string SignInMethod { get; private set; } = "password";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static TwoFactorChallenge Start(string userId, SessionToken token, bool rememberMe, TimeSpan lifetime, DateTimeOffset now, string signInMethod = "password") =>
        new()
        {
            SignInMethod = signInMethod,
            Id = RandomId.New(),
            UserId = string.IsNullOrEmpty(userId) ? throw new DomainRuleException("A challenge belongs to a user.") : userId,
            TokenDigest = token.ComputeDigest(),
            RememberMe = rememberMe,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>Attempts are taken in the database, one conditional UPDATE each, before a code is judged.</summary>
    public bool AttemptsExhausted => Attempts >= MaxAttempts;
}
