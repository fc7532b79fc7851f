using AuthPlatform.Application.Admin;
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

        foreach (var (role, statements) in options.CustomRoleStatements)
        {
            if (role.Length > User.MaxRoleLength || role.Contains(',', StringComparison.Ordinal))
            {
                problems.Add($"Auth:Admin:CustomRoles: \"{role}\" is not a role name (at most {User.MaxRoleLength} characters, no commas).");
            }

            if (!AdminStatements.AreKnown(statements))
            {
                problems.Add($"Auth:Admin:CustomRoles:{role}: only the admin statements are allowed: "
                    + string.Join("; ", AdminStatements.All.Select(s => s.Key + ": " + string.Join(",", s.Value))) + ".");
            }
        }

        if (options.ImpersonationSessionDuration <= TimeSpan.Zero || options.ImpersonationSessionDuration > TimeSpan.FromDays(1))
        {
            problems.Add("Auth:Admin:ImpersonationSessionDuration must be more than zero and at most one day (default 01:00:00).");
        }

        if (string.IsNullOrWhiteSpace(options.BannedUserMessage) || options.BannedUserMessage.Length > AdminOptions.MaxBannedUserMessageLength)
        {
            problems.Add($"Auth:Admin:BannedUserMessage must be 1 to {AdminOptions.MaxBannedUserMessageLength} characters, not blank (the message a banned user is shown).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
