using AuthPlatform.Domain.Organizations;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations;

/// <summary>Every problem of Auth:Organization at once.</summary>
public sealed class OrganizationOptionsValidator : IValidateOptions<OrganizationOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganizationOptions options)
    {
        var problems = new List<string>();
        if (options.OrganizationLimit is < 1)
        {
            problems.Add("Auth:Organization:OrganizationLimit must be at least 1 (or unset for no limit).");
        }

        Positive(problems, "MembershipLimit", options.MembershipLimit);
        Positive(problems, "InvitationLimit", options.InvitationLimit);
        Positive(problems, "InvitationsPerOrganizationPerHour", options.InvitationsPerOrganizationPerHour);
        Positive(problems, "InvitationsPerRecipientPerHour", options.InvitationsPerRecipientPerHour);
        if (options.InvitationExpiresIn < TimeSpan.FromMinutes(1) || options.InvitationExpiresIn > TimeSpan.FromDays(30))
        {
            problems.Add("Auth:Organization:InvitationExpiresIn must be between 00:01:00 and 30.00:00:00.");
        }

        if (options.Teams.MaximumTeams is < 1)
        {
            problems.Add("Auth:Organization:Teams:MaximumTeams must be at least 1 (or unset for no limit).");
        }

        if (options.Teams.MaximumMembersPerTeam is < 1)
        {
            problems.Add("Auth:Organization:Teams:MaximumMembersPerTeam must be at least 1 (or unset for no limit).");
        }

        if (options.DynamicAccessControl.MaximumRolesPerOrganization is < 1)
        {
            problems.Add("Auth:Organization:DynamicAccessControl:MaximumRolesPerOrganization must be at least 1 (or unset for no limit).");
        }

        foreach (var (role, grants) in options.Roles)
        {
            if (role.Length == 0 || role.Length > Member.MaxRoleLength || role.Contains(',') || role.Any(char.IsWhiteSpace))
            {
                problems.Add($"Auth:Organization:Roles: \"{role}\" is not a role name (no commas or spaces).");
            }

            foreach (var (resource, actions) in grants)
            {
                if (actions.Any(string.IsNullOrWhiteSpace))
                {
                    problems.Add($"Auth:Organization:Roles:{role}:{resource} lists an empty action.");
                }
            }
        }

        var roles = options.Roles.Count == 0 ? DefaultOrganizationRoles.Statements.Keys : options.Roles.Keys;
        if (!roles.Contains(options.CreatorRole, StringComparer.Ordinal))
        {
            problems.Add($"Auth:Organization:CreatorRole \"{options.CreatorRole}\" is not one of the roles ({string.Join(", ", roles)}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Positive(List<string> problems, string key, int value)
    {
        if (value < 1)
        {
            problems.Add($"Auth:Organization:{key} must be at least 1.");
        }
    }
}
