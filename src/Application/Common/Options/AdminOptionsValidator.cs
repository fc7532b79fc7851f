using AuthPlatform.Domain.Users;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

/// <summary>Every problem of Auth:Admin at once.</summary>
public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var problems = new List<string>();
        if (options.Roles.Count == 0)
        {
            problems.Add("Auth:Admin:AdminRoles must name at least one role (default \"admin\").");
        }

        foreach (var role in options.Roles.Where(r => r.Length > User.MaxRoleLength))
        {
            problems.Add($"Auth:Admin:AdminRoles: \"{role}\" is longer than {User.MaxRoleLength} characters.");
        }

        foreach (var id in options.UserIds.Where(id => id.Length > 64 || id.Any(char.IsWhiteSpace)))
        {
            problems.Add($"Auth:Admin:AdminUserIds: \"{id}\" is not a user id (at most 64 characters, no spaces).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
