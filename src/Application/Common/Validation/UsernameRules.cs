using System.Text.RegularExpressions;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Validation;

/// <summary>
/// What a username is (BetterAuth's username plugin defaults): 3 to 30 characters of [a-zA-Z0-9_.], checked
/// as given, then stored and compared lower-case, so "Ann.Lee" and "ann.lee" are one name. The one place
/// every username route takes its rules from.
/// </summary>
public static partial class UsernameRules
{
    public const int MinLength = 3;
    public const int MaxLength = 30;

    /// <summary>A display username is free text (as in BetterAuth), bounded by its column.</summary>
    public const int MaxDisplayLength = Domain.Users.User.MaxUsernameLength;

    public static string Normalize(string username) => username.ToLowerInvariant();

    /// <summary>The plugin's format check, in its order: too short, too long, characters. Null when well-formed.</summary>
    public static Error? FormatError(string? username) =>
        username is null || username.Length < MinLength ? Errors.UsernameTooShort
        : username.Length > MaxLength ? Errors.UsernameTooLong
        : !Allowed().IsMatch(username) ? Errors.InvalidUsername
        : null;

    /// <summary>A username the policy accepts (format and not reserved).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> Username<T>(this IRuleBuilder<T, string?> rule, UsernamePolicy policy) =>
        rule.Custom((username, context) =>
        {
            if (policy.RefusalOf(username) is { } refusal)
            {
                context.AddFailure(new ValidationFailure(context.PropertyPath, refusal.Message) { ErrorCode = refusal.Code });
            }
        });

    public static IRuleBuilderOptions<T, string?> DisplayUsername<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(d => d is null || (d.Length <= MaxDisplayLength && !d.Any(char.IsControl)))
            .WithErrorCode(Errors.InvalidDisplayUsername.Code).WithMessage(Errors.InvalidDisplayUsername.Message);

    [GeneratedRegex("^[a-zA-Z0-9_.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();
}

/// <summary>The username rules with the operator's reserved names (Auth:Username:ReservedUsernames).</summary>
public sealed class UsernamePolicy(IOptions<UsernameOptions> options)
{
    private readonly HashSet<string> _reserved = options.Value.Reserved.Select(UsernameRules.Normalize).ToHashSet(StringComparer.Ordinal);

    /// <summary>Null when <paramref name="username"/> may be taken (if free); otherwise the plugin's error for it.</summary>
    public Error? RefusalOf(string? username) =>
        UsernameRules.FormatError(username)
        ?? (_reserved.Contains(UsernameRules.Normalize(username!)) ? Errors.InvalidUsername : null);

    /// <summary>
    /// The plugin's pairing at sign-up: a displayUsername alone that is itself an acceptable username becomes
    /// the username too; a username alone is also shown as given. Returns the normalized username and the display form.
    /// </summary>
    public (string? Username, string? DisplayUsername) Pair(string? username, string? displayUsername)
    {
        if (username is null && displayUsername is not null && RefusalOf(displayUsername) is null)
        {
            username = displayUsername;
        }

        return username is null ? (null, displayUsername) : (UsernameRules.Normalize(username), displayUsername ?? username);
    }
}
