namespace AuthPlatform.Application.Common.Results;

/// <summary>Usernames (BetterAuth's username plugin), with its codes and messages.</summary>
public static partial class Errors
{
    /// <summary>POST /sign-in/username: unknown username, wrong password and a user without a password answer alike.</summary>
    public static readonly Error InvalidUsernameOrPassword =
        new(ErrorKind.Unauthorized, "INVALID_USERNAME_OR_PASSWORD", "Invalid username or password");

    public static readonly Error UsernameIsAlreadyTaken =
        new(ErrorKind.Validation, "USERNAME_IS_ALREADY_TAKEN", "Username is already taken. Please try another.");

    /// <summary>
    /// 400 on every route. BetterAuth answers the format errors 400 at sign-up and update-user but 422 at
    /// sign-in/username and is-username-available; a code has one status here (docs/compatibility.md).
    /// </summary>
    public static readonly Error UsernameTooShort =
        new(ErrorKind.Validation, "USERNAME_TOO_SHORT", "Username is too short");

    public static readonly Error UsernameTooLong =
        new(ErrorKind.Validation, "USERNAME_TOO_LONG", "Username is too long");

    /// <summary>Characters outside [a-zA-Z0-9_.], or a reserved name (Auth:Username:ReservedUsernames).</summary>
    public static readonly Error InvalidUsername =
        new(ErrorKind.Validation, "INVALID_USERNAME", "Username is invalid");

    public static readonly Error InvalidDisplayUsername =
        new(ErrorKind.Validation, "INVALID_DISPLAY_USERNAME", "Display username is invalid");
}
