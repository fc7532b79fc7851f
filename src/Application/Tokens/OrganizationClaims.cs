namespace AuthPlatform.Application.Tokens;

/// <summary>
/// The claims that say which organization a token works in and the member's roles there (docs/adr/0133): the same
/// names in the /token JWT and in the OAuth server's access and ID tokens, where they come with the
/// <see cref="Scope"/> scope (ADR 0140).
/// </summary>
public static class OrganizationClaims
{
    /// <summary>The organization's id (a string).</summary>
    public const string OrganizationId = "org_id";

    /// <summary>The member's roles in it (always an array).</summary>
    public const string OrganizationRoles = "org_roles";

    /// <summary>The OAuth scope that asks for both (BetterAuth's oauth-provider names none).</summary>
    public const string Scope = "organization";
}
