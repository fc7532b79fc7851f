using System.Text.Json;

namespace AuthPlatform.WebApi.Contracts;

// Request bodies of session management and account changes, as BetterAuth's client sends them.
// Classes, not records: a record's ToString() would print the passwords.

/// <summary>POST /revoke-session: the session to end, by token (BetterAuth) or by id (from list-sessions).</summary>
public sealed class RevokeSessionRequest
{
    public string? Token { get; init; }

    public string? Id { get; init; }
}

/// <summary>POST /change-password.</summary>
public sealed class ChangePasswordRequest
{
    public string? CurrentPassword { get; init; }

    public string? NewPassword { get; init; }

    /// <summary>Default true: a password change ends every other session.</summary>
    public bool? RevokeOtherSessions { get; init; }
}

/// <summary>
/// POST /update-user. The setters record which members were present, so <c>"image": null</c> (clear the
/// image) differs from no image member at all, and any <c>email</c> member is refused.
/// </summary>
public sealed class UpdateUserRequest
{
    private readonly string? _name;
    private readonly string? _image;

    public string? Name
    {
        get => _name;
        init
        {
            _name = value;
            NameGiven = true;
        }
    }

    public string? Image
    {
        get => _image;
        init
        {
            _image = value;
            ImageGiven = true;
        }
    }

    /// <summary>The username plugin's: a new username (normalized and checked like at sign-up).</summary>
    public string? Username { get; init; }

    public string? DisplayUsername { get; init; }

    /// <summary>Any JSON value; its presence alone is the error (EMAIL_CAN_NOT_BE_UPDATED).</summary>
    public JsonElement? Email
    {
        get => null;
        init => EmailGiven = true;
    }

    internal bool NameGiven { get; private init; }

    internal bool ImageGiven { get; private init; }

    internal bool EmailGiven { get; private init; }
}
