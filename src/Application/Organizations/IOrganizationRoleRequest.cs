namespace AuthPlatform.Application.Organizations;

/// <summary>
/// A route of dynamic access control (an organization's own roles): it exists only while
/// Auth:Organization:DynamicAccessControl:Enabled is on; otherwise the gate answers 404 before anything else, as
/// BetterAuth has no such route then.
/// </summary>
public interface IOrganizationRoleRequest : IOrganizationRequest;
