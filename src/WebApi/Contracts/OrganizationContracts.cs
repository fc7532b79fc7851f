using System.Text.Json;
using AuthPlatform.Application.Organizations;
using AuthPlatform.WebApi.Authentication;

namespace AuthPlatform.WebApi.Contracts;

// Request bodies of the organization routes (BetterAuth's organization plugin).

/// <summary>POST /organization/create.</summary>
public sealed class CreateOrganizationRequest
{
    public string? Name { get; init; }

    public string? Slug { get; init; }

    public string? Logo { get; init; }

    public JsonElement? Metadata { get; init; }

    public bool? KeepCurrentActiveOrganization { get; init; }
}

/// <summary>POST /organization/update: the fields to change under <c>data</c>.</summary>
public sealed class UpdateOrganizationRequest
{
    public UpdateOrganizationData? Data { get; init; }

    public string? OrganizationId { get; init; }
}

public sealed class UpdateOrganizationData
{
    public string? Name { get; init; }

    public string? Slug { get; init; }

    public string? Logo { get; init; }

    public JsonElement? Metadata { get; init; }
}

/// <summary>The body of routes that name one organization (delete, leave).</summary>
public sealed class OrganizationIdRequest
{
    public string? OrganizationId { get; init; }
}

/// <summary>POST /organization/set-active: an explicit null id clears the active organization (absent: Undefined).</summary>
public sealed class SetActiveOrganizationRequest
{
    public JsonElement OrganizationId { get; init; }

    public string? OrganizationSlug { get; init; }
}

public sealed class CheckSlugRequest
{
    public string? Slug { get; init; }
}

/// <summary>POST /organization/update-member-role: <c>role</c> is a string or an array of strings.</summary>
public sealed class UpdateMemberRoleRequest
{
    public JsonElement Role { get; init; }

    public string? MemberId { get; init; }

    public string? OrganizationId { get; init; }
}

public sealed class RemoveMemberRequest
{
    public string? MemberIdOrEmail { get; init; }

    public string? OrganizationId { get; init; }
}

/// <summary>POST /organization/invite-member: <c>role</c> is a string or an array of strings.</summary>
public sealed class InviteMemberRequest
{
    public string? Email { get; init; }

    public JsonElement Role { get; init; }

    public string? OrganizationId { get; init; }

    public bool? Resend { get; init; }

    /// <summary>The teams the new member joins: a string or an array of strings.</summary>
    public JsonElement TeamId { get; init; }

    /// <summary>
    /// Ours, not BetterAuth's: the frontend page the mail's link opens, with <c>invitationId=</c> added (a trusted
    /// origin or a path of the service's site, as request-password-reset's <c>redirectTo</c>); without it the link is get-invitation.
    /// </summary>
    public string? CallbackURL { get; init; }
}

/// <summary>The body of the routes that answer one invitation.</summary>
public sealed class InvitationIdRequest
{
    public string? InvitationId { get; init; }
}

/// <summary>POST /organization/has-permission: <c>permissions</c> is resource → actions (the deprecated <c>permission</c> is ignored, as BetterAuth).</summary>
public sealed class OrganizationHasPermissionRequest
{
    public string? OrganizationId { get; init; }

    public Dictionary<string, string[]>? Permissions { get; init; }
}

/// <summary>Reading BetterAuth's loose shapes: a role as a string or an array, metadata as an object.</summary>
public static class OrganizationRequestShapes
{
    /// <summary>The roles given, or null when <c>role</c> is neither a string nor an array of strings.</summary>
    public static IReadOnlyList<string>? Roles(JsonElement role) => role.ValueKind switch
    {
        JsonValueKind.String => [role.GetString()!],
        JsonValueKind.Array when role.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            role.EnumerateArray().Select(e => e.GetString()!).ToList(),
        _ => null,
    };

    /// <summary>True when <paramref name="value"/> is absent, null, a string or an array of strings; the strings in <paramref name="strings"/>.</summary>
    public static bool TryOptionalStrings(JsonElement value, out IReadOnlyList<string>? strings)
    {
        strings = value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : Roles(value);
        return strings is not null || value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;
    }

    /// <summary>True when metadata is absent or an object; its JSON text in <paramref name="text"/>.</summary>
    public static bool TryMetadata(JsonElement? metadata, out string? text)
    {
        text = null;
        if (metadata is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        text = value.GetRawText();
        return true;
    }

    /// <summary>The caller of an organization route, from the live session.</summary>
    public static OrganizationActor OrganizationActor(this HttpContext context)
    {
        var current = context.CurrentSession();
        return new OrganizationActor(current.User.Id, current.Session.Id, current.User.Email, current.User.EmailVerified, current.Session.ActiveOrganizationId, current.Session.ActiveTeamId);
    }
}

/// <summary>POST /organization/create-team.</summary>
public sealed class CreateTeamRequest
{
    public string? Name { get; init; }

    public string? OrganizationId { get; init; }
}

/// <summary>POST /organization/update-team: the fields to change under <c>data</c>.</summary>
public sealed class UpdateTeamRequest
{
    public string? TeamId { get; init; }

    public UpdateTeamData? Data { get; init; }
}

public sealed class UpdateTeamData
{
    public string? Name { get; init; }

    public string? OrganizationId { get; init; }
}

/// <summary>POST /organization/remove-team.</summary>
public sealed class RemoveTeamRequest
{
    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }
}

/// <summary>POST /organization/add-team-member and remove-team-member.</summary>
public sealed class TeamMemberRequest
{
    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public string? OrganizationId { get; init; }
}

/// <summary>POST /organization/set-active-team: an explicit null id clears the active team (absent: Undefined).</summary>
public sealed class SetActiveTeamRequest
{
    public JsonElement TeamId { get; init; }
}

/// <summary>POST /organization/create-role: <c>permission</c> is resource → actions.</summary>
public sealed class CreateRoleRequest
{
    public string? Role { get; init; }

    public Dictionary<string, string[]>? Permission { get; init; }

    public string? OrganizationId { get; init; }
}

/// <summary>POST /organization/delete-role: the role by name or id.</summary>
public sealed class DeleteRoleRequest
{
    public string? RoleName { get; init; }

    public string? RoleId { get; init; }

    public string? OrganizationId { get; init; }
}

/// <summary>POST /organization/update-role: the role by name or id, the changes under <c>data</c>.</summary>
public sealed class UpdateRoleRequest
{
    public string? RoleName { get; init; }

    public string? RoleId { get; init; }

    public string? OrganizationId { get; init; }

    public UpdateRoleData? Data { get; init; }
}

public sealed class UpdateRoleData
{
    public Dictionary<string, string[]>? Permission { get; init; }

    public string? RoleName { get; init; }
}
