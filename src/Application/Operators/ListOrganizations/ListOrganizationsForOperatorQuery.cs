using Mediator;

namespace AuthPlatform.Application.Operators.ListOrganizations;

/// <summary>Operator command `list-organizations`: every organization with its member count, oldest first.</summary>
public sealed record ListOrganizationsForOperatorQuery : IQuery<IReadOnlyList<OrganizationSummary>>;

/// <summary>One organization as the operator sees it.</summary>
public sealed record OrganizationSummary(string Id, string Slug, string Name, int MemberCount);
