namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// WebAuthn relying party (section "Auth:Passkeys"). <see cref="RpId"/> is the domain passkeys are bound
/// to (the frontend's host or a parent of it); <see cref="Origins"/> the exact origins allowed to run the
/// ceremonies. Empty values fall back to the base URL (its host, its origin) and the trusted origins.
/// </summary>
public sealed class PasskeyOptions
{
    public const string SectionName = "Auth:Passkeys";

    public string? RpId { get; set; }

    public string RpName { get; set; } = "AuthPlatform";

    /// <summary>Comma list of origins (scheme://host[:port]).</summary>
    public string? Origins { get; set; }

    /// <summary>How long the options of one ceremony stay valid.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
