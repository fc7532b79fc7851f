namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// Usernames (section "Auth:Username", BetterAuth's username plugin). Length and characters are the
/// plugin's defaults (3 to 30 of [a-zA-Z0-9_.], compared lower-case); the reserved names are ours.
/// </summary>
public sealed class UsernameOptions
{
    public const string SectionName = "Auth:Username";

    /// <summary>
    /// Names nobody may take (compared lower-case), answered INVALID_USERNAME. Unset: <see cref="DefaultReserved"/>.
    /// Configuring the list replaces the default (an only entry "" reserves nothing).
    /// </summary>
    public string[]? ReservedUsernames { get; set; }

    /// <summary>The list in force.</summary>
    public IReadOnlyList<string> Reserved => ReservedUsernames is { } configured
        ? configured.Where(name => !string.IsNullOrEmpty(name)).ToArray()
        : DefaultReserved;

    public static readonly IReadOnlyList<string> DefaultReserved =
    [
        "admin", "administrator", "root", "system", "support", "help", "security", "abuse", "postmaster",
        "hostmaster", "webmaster", "noreply", "no_reply", "moderator", "staff", "owner", "operator", "api", "auth",
    ];
}
