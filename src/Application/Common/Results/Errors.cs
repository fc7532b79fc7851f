using System.Collections.Frozen;
using System.Reflection;

namespace AuthPlatform.Application.Common.Results;

/// <summary>
/// The error catalogue (ADR 0123): every code the service answers is declared here once, as a public static
/// readonly <see cref="Error"/> field holding its one <see cref="ErrorKind"/> (so its one HTTP status) and its
/// default message. Variants that word the message or add a Retry-After are properties or methods built from
/// an entry (<see cref="Error.WithMessage"/>, <see cref="Error.WithRetryAfter"/>); they keep its code and kind.
/// Nothing else constructs an <see cref="Error"/>, and no code appears as a string literal outside this class
/// (architecture tests). The per-feature classes (<see cref="MailErrors"/>, <see cref="SecondFactorErrors"/>,
/// <see cref="SocialErrors"/>, <see cref="SecurityErrors"/>, <see cref="SigningKeyErrors"/>, the web layer's
/// HttpErrors) only name entries of this catalogue.
/// </summary>
public static partial class Errors
{
    public static readonly Error InvalidEmailOrPassword =
        new(ErrorKind.Unauthorized, "INVALID_EMAIL_OR_PASSWORD", "Invalid email or password");

    public static readonly Error Unauthorized =
        new(ErrorKind.Unauthorized, "UNAUTHORIZED", "Unauthorized");

    public static readonly Error UserAlreadyExists =
        new(ErrorKind.Unprocessable, "USER_ALREADY_EXISTS", "User already exists. Use another email.");

    /// <summary>
    /// BetterAuth answers it 400 (POST /reset-password), 401 (GET /verify-email) and 404 (admin routes); the
    /// routes of BetterAuth's core this service implements agree on 400 (docs/compatibility.md).
    /// </summary>
    public static readonly Error UserNotFound =
        new(ErrorKind.Validation, "USER_NOT_FOUND", "User not found");

    /// <summary>
    /// A disabled (banned) user asked for a session by any way in (BetterAuth admin plugin's code and default message).
    /// The message answered is Auth:Admin:BannedUserMessage, whose default this is; SessionIssuer words it.
    /// </summary>
    public static readonly Error UserDisabled =
        new(ErrorKind.Forbidden, "BANNED_USER", "You have been banned from this application. Please contact support if you believe this is an error.");

    public static readonly Error InvalidPassword =
        new(ErrorKind.Validation, "INVALID_PASSWORD", "Invalid password");

    public static readonly Error CredentialAccountNotFound =
        new(ErrorKind.Validation, "CREDENTIAL_ACCOUNT_NOT_FOUND", "This account has no password to change.");

    public static readonly Error SessionNotFresh =
        new(ErrorKind.Forbidden, "SESSION_NOT_FRESH", "This change needs a recent sign-in. Sign in again and retry.");

    public static readonly Error EmailCannotBeUpdated =
        new(ErrorKind.Validation, "EMAIL_CAN_NOT_BE_UPDATED", "Email can not be updated here.");

    public static readonly Error NoFieldsToUpdate =
        new(ErrorKind.Validation, "NO_FIELDS_TO_UPDATE", "No fields to update.");

    public static readonly Error ValidationError =
        new(ErrorKind.Validation, "VALIDATION_ERROR", "The request is invalid.");

    public static readonly Error PasswordTooShort =
        new(ErrorKind.Validation, "PASSWORD_TOO_SHORT", "Password is too short: at least 8 characters.");

    public static readonly Error PasswordTooLong =
        new(ErrorKind.Validation, "PASSWORD_TOO_LONG", "Password is too long: at most 128 characters.");

    public static readonly Error PasswordCompromised =
        new(ErrorKind.Validation, "PASSWORD_COMPROMISED", "The password you entered has been compromised. Please choose a different password.");

    /// <summary>Auth:BreachedPasswords:FailClosed is on and the range could not be read: the new password is not taken.</summary>
    public static readonly Error PasswordCheckUnavailable =
        new(ErrorKind.Unavailable, "PASSWORD_CHECK_UNAVAILABLE", "The password could not be checked against known breaches right now; retry shortly.");

    public static readonly Error InvalidEmail =
        new(ErrorKind.Validation, "INVALID_EMAIL", "Invalid email.");

    public static readonly Error TooManyRequests =
        new(ErrorKind.TooManyRequests, "TOO_MANY_REQUESTS", "Too many requests. Please try again later.");

    /// <summary>
    /// The account's failed sign-in budget is spent (docs/security.md, "Per-account backoff"). The same answer
    /// for every email, registered or not, so the limiter reveals nothing.
    /// </summary>
    public static Error TooManyFailedSignIns(TimeSpan retryAfter) =>
        TooManyRequests.WithMessage("Too many failed sign-ins for this account. Please try again later.").WithRetryAfter(retryAfter);

    /// <summary>
    /// A validation failure with field errors: the catalogue entry of <paramref name="code"/> (a rule's
    /// declared code, e.g. PASSWORD_TOO_SHORT), or VALIDATION_ERROR when there is none or it is not a code of
    /// the catalogue. The entry's kind decides the status (INVALID_TOKEN stays 401 when a validator raises it).
    /// </summary>
    public static Error Validation(IReadOnlyDictionary<string, string[]> fieldErrors, string? code = null, string? message = null) =>
        (code is null ? ValidationError : Find(code) ?? ValidationError).WithFields(fieldErrors, message);

    /// <summary>The catalogue entry with this code (ordinal), or null.</summary>
    public static Error? Find(string code) => Catalogue.ByCode.GetValueOrDefault(code);

    /// <summary>Every entry: the public static readonly Error fields of this class and its nested classes.</summary>
    public static IReadOnlyList<Error> All => Catalogue.Entries;

    // Apart from Errors so it is built after every entry is initialised (partial parts initialise in no set order).
    private static class Catalogue
    {
        public static readonly IReadOnlyList<Error> Entries = typeof(Errors)
            .GetNestedTypes(BindingFlags.Public)
            .Prepend(typeof(Errors))
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.FieldType == typeof(Error) && field.IsInitOnly)
            .Select(field => (Error)field.GetValue(null)!)
            .ToArray();

        public static readonly FrozenDictionary<string, Error> ByCode = Entries
            .GroupBy(entry => entry.Code, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
    }
}
