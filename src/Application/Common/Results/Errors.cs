namespace AuthPlatform.Application.Common.Results;

/// <summary>The errors use cases return, in one place so codes and wording stay consistent.</summary>
public static class Errors
{
    public static readonly Error InvalidEmailOrPassword =
        new(ErrorKind.Unauthorized, "INVALID_EMAIL_OR_PASSWORD", "Invalid email or password");

    public static readonly Error Unauthorized =
        new(ErrorKind.Unauthorized, "UNAUTHORIZED", "Unauthorized");

    public static readonly Error UserAlreadyExists =
        new(ErrorKind.Unprocessable, "USER_ALREADY_EXISTS", "User already exists. Use another email.");

    public static readonly Error UserNotFound =
        new(ErrorKind.NotFound, "USER_NOT_FOUND", "No user has this email.");

    /// <summary>A disabled (banned) user asked for a session by any way in (BetterAuth admin plugin's code).</summary>
    public static readonly Error UserDisabled =
        new(ErrorKind.Forbidden, "BANNED_USER", "You have been banned from this application");

    public static Error Validation(IReadOnlyDictionary<string, string[]> fieldErrors, string code = "VALIDATION_ERROR", string? message = null) =>
        new(ErrorKind.Validation, code, message ?? "The request is invalid.") { FieldErrors = fieldErrors };
}
