using AuthPlatform.Domain.Organizations;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// What the gate established for the request being handled (scoped): the organization and the caller's
/// membership of it. Null <see cref="Organization"/> when the route allows no organization and none was named.
/// </summary>
public sealed class OrganizationAccess
{
    private Organization? _organization;
    private Member? _member;

    public Organization? Organization => _organization;

    /// <summary>The organization; only for routes whose gate requires one.</summary>
    public Organization Required => _organization ?? throw new InvalidOperationException("The organization gate did not run for this request.");

    public Member Member => _member ?? throw new InvalidOperationException("The organization gate did not run for this request.");

    internal void Grant(Organization organization, Member member)
    {
        _organization = organization;
        _member = member;
    }
}
