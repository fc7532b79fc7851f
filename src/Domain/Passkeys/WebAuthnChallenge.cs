using AuthPlatform.Domain.Common;
using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.Domain.Passkeys;

public enum WebAuthnCeremony
{
    Registration,
    Authentication,
}

/// <summary>
/// The options handed to a browser for one WebAuthn ceremony, kept until the browser answers: single
/// use (the verify route deletes the row before checking the answer) and short-lived. The browser holds
/// a random token in a cookie; the row holds its digest, the ceremony, the user (registration, or a
/// signed-in caller) and the options as JSON (they contain the challenge).
/// </summary>
public sealed class WebAuthnChallenge
{
    private WebAuthnChallenge()
    {
        Id = string.Empty;
        TokenDigest = [];
        OptionsJson = string.Empty;
    }

    public string Id { get; private set; }

    public byte[] TokenDigest { get; private set; }

    public WebAuthnCeremony Ceremony { get; private set; }

    public string? UserId { get; private set; }

    public string OptionsJson { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static WebAuthnChallenge Issue(SessionToken token, WebAuthnCeremony ceremony, string? userId, string optionsJson, TimeSpan lifetime, DateTimeOffset now)
    {
        if (ceremony == WebAuthnCeremony.Registration && string.IsNullOrEmpty(userId))
        {
            throw new DomainRuleException("A registration challenge belongs to a user.");
        }

        return new WebAuthnChallenge
        {
            Id = RandomId.New(),
            TokenDigest = token.ComputeDigest(),
            Ceremony = ceremony,
            UserId = userId,
            OptionsJson = optionsJson,
            ExpiresAt = now + lifetime,
        };
    }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}
