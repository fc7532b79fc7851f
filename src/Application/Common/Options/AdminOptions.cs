namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// Who administers users (section "Auth:Admin", BetterAuth's admin plugin): a user whose id is listed in
/// <see cref="AdminUserIds"/>, or who holds a role with the admin statements (<see cref="AdminRoles"/>,
/// <see cref="CustomRoles"/>); and how impersonation is limited.
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Auth:Admin";

    /// <summary>Comma-separated user ids that are administrators whatever their role (BetterAuth's adminUserIds).</summary>
    public string? AdminUserIds { get; set; }

    /// <summary>Comma-separated roles that hold BetterAuth's <c>admin</c> statements (BetterAuth's adminRoles).</summary>
    public string AdminRoles { get; set; } = "admin";

    /// <summary>
    /// Further roles and what each may do, BetterAuth's custom <c>roles</c>: role → resource → comma-separated actions,
    /// e.g. <c>Auth:Admin:CustomRoles:support:user = "list,get"</c>. Only the admin plugin's statements are allowed.
    /// Get-only: the configuration binder fills it in place.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> CustomRoles { get; } = new(StringComparer.Ordinal);

    /// <summary>How long an impersonation session lives, never refreshed (BetterAuth's impersonationSessionDuration).</summary>
    public TimeSpan ImpersonationSessionDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest <see cref="BannedUserMessage"/>: a sentence or two for a sign-in form, not a page.</summary>
    public const int MaxBannedUserMessageLength = 500;

    /// <summary>
    /// The message of the BANNED_USER refusal, by every way in (BetterAuth's bannedUserMessage; the same default).
    /// </summary>
    public string BannedUserMessage { get; set; } = Results.Errors.UserDisabled.Message;

    /// <summary>Whoever may impersonate may also impersonate administrators (BetterAuth's allowImpersonatingAdmins).</summary>
    public bool AllowImpersonatingAdmins { get; set; }

    public IReadOnlyList<string> UserIds => Split(AdminUserIds);

    public IReadOnlyList<string> Roles => Split(AdminRoles);

    /// <summary><see cref="CustomRoles"/> as statements (resource → actions).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string[]>> CustomRoleStatements =>
        CustomRoles.ToDictionary(
            r => r.Key,
            r => (IReadOnlyDictionary<string, string[]>)r.Value.ToDictionary(s => s.Key, s => Split(s.Value).ToArray(), StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>A role value as stored on a user: comma-separated, no blanks.</summary>
    public static IReadOnlyList<string> Split(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
