using AuthPlatform.Application.Common.Results;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// A use case that acts inside one organization. The gate (<see cref="OrganizationGateBehaviour{TMessage,TResponse}"/>)
/// resolves the organization, requires the caller's membership and the declared permission, and hands the handler
/// an <see cref="OrganizationAccess"/>; a request that fails gets the declared refusal and never reaches its handler.
/// Every request in this namespace is either one of these or carries <see cref="OutsideOrganizationGateAttribute"/>
/// (an architecture test keeps it so).
/// </summary>
public interface IOrganizationRequest
{
    OrganizationActor Actor { get; }

    /// <summary>Which organization, and what the caller must be and may do there.</summary>
    OrganizationGate Gate { get; }
}

/// <summary>How the gate finds the organization of a request.</summary>
public abstract record OrganizationTarget
{
    private OrganizationTarget()
    {
    }

    /// <summary>By id or slug (slug first, as BetterAuth), else the session's active organization.</summary>
    public sealed record Named(string? OrganizationId, string? Slug = null, bool UseActive = true) : OrganizationTarget;

    /// <summary>The organization of an invitation (cancel-invitation).</summary>
    public sealed record OfInvitation(string InvitationId) : OrganizationTarget;

    /// <summary>The organization of a team (list-team-members); a null id answers the gate's "no organization" refusal.</summary>
    public sealed record OfTeam(string? TeamId) : OrganizationTarget;
}

/// <summary>
/// What a route asks of its caller: the organization (<see cref="Target"/>), the refusal when there is none
/// (<see cref="NoOrganization"/>; null answers the use case with no organization), the refusal of a non-member,
/// and the permission required (none, or <see cref="Permission"/> with its refusal).
/// </summary>
public sealed record OrganizationGate(
    OrganizationTarget Target,
    Error? NoOrganization,
    Error NotMember,
    IReadOnlyDictionary<string, string[]>? Permission = null,
    Error? Refusal = null,
    bool CreatorRoleBypasses = false)
{
    public static IReadOnlyDictionary<string, string[]> Needs(string resource, string action) =>
        new Dictionary<string, string[]>(StringComparer.Ordinal) { [resource] = [action] };
}

/// <summary>The request is about the caller alone (their memberships, their invitations), not inside one organization.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OutsideOrganizationGateAttribute(string why) : Attribute
{
    public string Why { get; } = why;
}
