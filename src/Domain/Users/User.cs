using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Users;

/// <summary>
/// A person who can sign in. The email is unique (canonical form). A disabled user keeps their data
/// but can neither sign in nor use a session they already hold.
/// </summary>
public sealed class User
{
    public const int MaxNameLength = 256;
    public const int MaxImageLength = 2048;

    public const int MaxRoleLength = 64;
    public const int MaxBanReasonLength = 512;
    public const string DefaultRole = "user";

    /// <summary>The column's width; the application's username rules allow at most 30.</summary>
    public const int MaxUsernameLength = 64;

    private User()
    {
        Id = string.Empty;
        Name = string.Empty;
        Email = string.Empty;
        Role = DefaultRole;
    }

    public string Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Canonical form, see <see cref="EmailAddress"/>.</summary>
    public string Email { get; private set; }

    public bool EmailVerified { get; private set; }

    public string? Image { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>The normalized (lower-case) username, unique among users; null when the user has none.</summary>
    public string? Username { get; private set; }

    /// <summary>The username as the user wrote it (BetterAuth's displayUsername).</summary>
    public string? DisplayUsername { get; private set; }

    /// <summary>Comma-separated roles (BetterAuth's admin plugin); <see cref="DefaultRole"/> for a new user.</summary>
    public string Role { get; private set; }

    /// <summary>Why an administrator banned the user (shown with BANNED_USER); null when not banned by one.</summary>
    public string? BanReason { get; private set; }

    /// <summary>When a ban lifts itself; null for a ban (or an operator's disable) without end.</summary>
    public DateTimeOffset? BanExpires { get; private set; }

    /// <summary>
    /// The one decision whether the user is shut out: disabled (an operator) or banned (an administrator), and a
    /// ban with an expiry counts only until it expires, so an expired ban needs no job to lift it.
    /// </summary>
    public bool IsDisabledAt(DateTimeOffset now) => DisabledAt is not null && (BanExpires is null || BanExpires > now);

    public static User Register(string name, EmailAddress email, string? image, DateTimeOffset now) =>
        Restore(RandomId.New(), name, email, emailVerified: false, image, now, now);

    /// <summary>Recreates a user that already exists elsewhere (an import), keeping its id and timestamps.</summary>
    public static User Restore(string id, string name, EmailAddress email, bool emailVerified, string? image, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new DomainRuleException("A user needs an id.");
        }

        var user = new User
        {
            Id = id,
            Email = email.Value,
            EmailVerified = emailVerified,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
        user.SetName(name);
        user.SetImage(image);
        return user;
    }

    public void UpdateProfile(string? name, string? image, bool imageGiven, DateTimeOffset now)
    {
        if (name is not null)
        {
            SetName(name);
        }

        if (imageGiven)
        {
            SetImage(image);
        }

        UpdatedAt = now;
    }

    /// <summary>
    /// Takes over a newer copy of this user from the system it was imported from (a re-run of the
    /// import), keeping that system's update time so the next run sees nothing new.
    /// </summary>
    public void ApplyImportedProfile(string name, EmailAddress email, bool emailVerified, string? image, DateTimeOffset updatedAt)
    {
        SetName(name);
        SetImage(image);
        Email = email.Value;
        EmailVerified = emailVerified;
        UpdatedAt = updatedAt;
    }

    /// <summary>The user proved they receive mail at their address (a followed link, or an operator's word).</summary>
    public void MarkEmailVerified(DateTimeOffset now)
    {
        EmailVerified = true;
        UpdatedAt = now;
    }

    /// <summary>Moves the user to a new address they proved they receive mail at (so it is verified).</summary>
    public void ChangeEmail(EmailAddress email, DateTimeOffset now)
    {
        Email = email.Value;
        EmailVerified = true;
        UpdatedAt = now;
    }

    /// <summary>
    /// An administrator sets the address and whether it counts as verified, on their word (the admin API's update-user);
    /// a field left null keeps its value.
    /// </summary>
    public void SetEmailByAdministrator(EmailAddress? email, bool? verified, DateTimeOffset now)
    {
        if (email is { } address)
        {
            Email = address.Value;
        }

        if (verified is { } isVerified)
        {
            EmailVerified = isVerified;
        }

        UpdatedAt = now;
    }

    /// <summary>
    /// Gives the user a username (already validated and normalized by the application's username rules) and
    /// the form to show; a null <paramref name="displayUsername"/> shows the username as given.
    /// </summary>
    public void SetUsername(string username, string? displayUsername, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(username) || username.Length > MaxUsernameLength)
        {
            throw new DomainRuleException($"A username must be 1 to {MaxUsernameLength} characters.");
        }

        Username = username;
        DisplayUsername = string.IsNullOrEmpty(displayUsername) ? username : displayUsername;
        UpdatedAt = now;
    }

    /// <summary>Only the form shown changes (update-user with displayUsername alone).</summary>
    public void SetDisplayUsername(string displayUsername, DateTimeOffset now)
    {
        if (displayUsername.Length > MaxUsernameLength)
        {
            throw new DomainRuleException($"A display username must be at most {MaxUsernameLength} characters.");
        }

        DisplayUsername = displayUsername;
        UpdatedAt = now;
    }

    public void Disable(DateTimeOffset now)
    {
        DisabledAt ??= now;
        UpdatedAt = now;
    }

    public void Enable(DateTimeOffset now)
    {
        DisabledAt = null;
        BanReason = null;
        BanExpires = null;
        UpdatedAt = now;
    }

    /// <summary>An administrator's ban: the disabled state with a reason and an optional end.</summary>
    public void Ban(string reason, DateTimeOffset? expires, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxBanReasonLength)
        {
            throw new DomainRuleException($"A ban reason must be 1 to {MaxBanReasonLength} characters.");
        }

        DisabledAt = now;
        BanReason = reason;
        BanExpires = expires;
        UpdatedAt = now;
    }

    /// <summary>Sets the roles (comma-separated, already validated by the application).</summary>
    public void SetRole(string role, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(role) || role.Length > MaxRoleLength)
        {
            throw new DomainRuleException($"A role must be 1 to {MaxRoleLength} characters.");
        }

        Role = role;
        UpdatedAt = now;
    }

    private void SetName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            throw new DomainRuleException($"A user name must be 1 to {MaxNameLength} characters.");
        }

        Name = name.Trim();
    }

    private void SetImage(string? image)
    {
        if (image is { Length: > MaxImageLength })
        {
            throw new DomainRuleException($"An image URL must be at most {MaxImageLength} characters.");
        }

        Image = string.IsNullOrWhiteSpace(image) ? null : image;
    }
}
