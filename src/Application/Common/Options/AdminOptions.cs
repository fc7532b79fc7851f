namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// Who administers users (section "Auth:Admin", BetterAuth's admin plugin): a user whose id is listed in
/// <see cref="AdminUserIds"/>, or who holds one of <see cref="AdminRoles"/>.
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Auth:Admin";

    /// <summary>Comma-separated user ids that are administrators whatever their role (BetterAuth's adminUserIds).</summary>
    public string? AdminUserIds { get; set; }

    /// <summary>Comma-separated roles that make a user an administrator (BetterAuth's adminRoles).</summary>
    public string AdminRoles { get; set; } = "admin";

    public IReadOnlyList<string> UserIds => Split(AdminUserIds);

    public IReadOnlyList<string> Roles => Split(AdminRoles);

    /// <summary>A role value as stored on a user: comma-separated, no blanks.</summary>
    public static IReadOnlyList<string> Split(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
