using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.CheckSlug;

/// <summary>POST /organization/check-slug: {status:true} when the slug is free.</summary>
[OutsideOrganizationGate("asks about a slug, not about an organization the caller belongs to")]
public sealed record CheckSlugQuery(string? Slug) : IQuery<Result<SlugStatus>>;

public sealed record SlugStatus(bool Status);
