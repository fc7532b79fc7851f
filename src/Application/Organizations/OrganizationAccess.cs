using AuthPlatform.Domain.Organizations;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// What the gate established for the request being handled (scoped): the organization, the caller's membership of
/// it and the roles in force there. Null <see cref="Organization"/> when the route allows no organization and none was named.
/// </summary>
public sealed class OrganizationAccess
{
    private Organization? _organization;
    private Member? _member;
    private OrganizationRoleSet? _roles;

    public Organization? Organization => _organization;

    /// <summary>The organization; only for routes whose gate requires one.</summary>
    public Organization Required => _organization ?? throw new InvalidOperationException("The organization gate did not run for this request.");

    public Member Member => _member ?? throw new InvalidOperationException("The organization gate did not run for this request.");

    /// <summary>The roles in force in the organization: every permission decision of the handler goes through them.</summary>
    public OrganizationRoleSet Roles => _roles ?? throw new InvalidOperationException("The organization gate did not run for this request.");

    internal void Grant(Organization organization, Member member, OrganizationRoleSet roles)
    {
        _organization = organization;
        _member = member;
        _roles = roles;
    }
}
