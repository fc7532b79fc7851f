using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.CreateOrganization;

/// <summary>POST /organization/create: a new organization whose creator becomes its owner.</summary>
/// <param name="Metadata">JSON text of an object, or null.</param>
[OutsideOrganizationGate("creates the organization: there is none to be a member of yet")]
public sealed record CreateOrganizationCommand(OrganizationActor Actor, string? Name, string? Slug, string? Logo, string? Metadata, bool KeepCurrentActiveOrganization)
    : ICommand<Result<CreatedOrganizationDto>>;
