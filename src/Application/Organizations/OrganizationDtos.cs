using System.Text.Json;
using AuthPlatform.Domain.Organizations;

namespace AuthPlatform.Application.Organizations;

/// <summary>An organization row as BetterAuth answers it in lists and reads: metadata is the stored JSON text.</summary>
public sealed record OrganizationDto(string Id, string Name, string Slug, string? Logo, string? Metadata, DateTimeOffset CreatedAt)
{
    public static OrganizationDto Of(Organization o) => new(o.Id, o.Name, o.Slug, o.Logo, o.Metadata, o.CreatedAt);
}

/// <summary>An organization as create and update answer it: metadata parsed (BetterAuth's difference between its routes).</summary>
public sealed record OrganizationParsedDto(string Id, string Name, string Slug, string? Logo, JsonElement? Metadata, DateTimeOffset CreatedAt)
{
    public static OrganizationParsedDto Of(Organization o) => new(o.Id, o.Name, o.Slug, o.Logo, Parse(o.Metadata), o.CreatedAt);

    private static JsonElement? Parse(string? metadata) =>
        metadata is null ? null : JsonDocument.Parse(metadata).RootElement.Clone();
}

/// <summary>create's answer: the organization and its first member.</summary>
public sealed record CreatedOrganizationDto(string Id, string Name, string Slug, string? Logo, JsonElement? Metadata, DateTimeOffset CreatedAt, IReadOnlyList<MemberDto> Members);

public sealed record MemberDto(string Id, string OrganizationId, string UserId, string Role, DateTimeOffset CreatedAt)
{
    public static MemberDto Of(Member m) => new(m.Id, m.OrganizationId, m.UserId, m.Role, m.CreatedAt);
}

/// <summary>The user of a member, as BetterAuth shows it: id, name, email, image.</summary>
public sealed record MemberUserDto(string Id, string Name, string Email, string? Image);

public sealed record MemberWithUserDto(string Id, string OrganizationId, string UserId, string Role, DateTimeOffset CreatedAt, MemberUserDto User);

public sealed record InvitationDto(string Id, string OrganizationId, string Email, string Role, string Status, DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt, string InviterId, string? TeamId)
{
    public static InvitationDto Of(Invitation i) =>
        new(i.Id, i.OrganizationId, i.Email, i.Role, i.Status.ToString().ToLowerInvariant(), i.ExpiresAt, i.CreatedAt, i.InviterId, i.TeamId);
}

public sealed record TeamDto(string Id, string Name, string OrganizationId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static TeamDto Of(Team t) => new(t.Id, t.Name, t.OrganizationId, t.CreatedAt, t.UpdatedAt);
}

public sealed record TeamMemberDto(string Id, string TeamId, string UserId, DateTimeOffset CreatedAt)
{
    public static TeamMemberDto Of(TeamMember m) => new(m.Id, m.TeamId, m.UserId, m.CreatedAt);
}

/// <summary>remove-team's and remove-team-member's answer: BetterAuth's confirmation message.</summary>
public sealed record TeamMessage(string Message);

/// <summary>get-full-organization's answer.</summary>
public sealed record FullOrganizationDto(
    string Id, string Name, string Slug, string? Logo, string? Metadata, DateTimeOffset CreatedAt,
    IReadOnlyList<InvitationDto> Invitations, IReadOnlyList<MemberWithUserDto> Members);
