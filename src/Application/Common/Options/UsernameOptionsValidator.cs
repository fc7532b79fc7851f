using AuthPlatform.Application.Common.Validation;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

/// <summary>Every problem of Auth:Username at once.</summary>
public sealed class UsernameOptionsValidator : IValidateOptions<UsernameOptions>
{
    public ValidateOptionsResult Validate(string? name, UsernameOptions options)
    {
        var problems = new List<string>();
        foreach (var reserved in options.Reserved)
        {
            if (UsernameRules.FormatError(reserved) is not null)
            {
                problems.Add($"Auth:Username:ReservedUsernames: \"{reserved}\" is not a username (3 to 30 of a-z, 0-9, '_' and '.'), so reserving it means nothing.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
