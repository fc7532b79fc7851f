using AuthPlatform.Domain.Organizations;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasMaxLength(64);
        builder.Property(o => o.Name).HasMaxLength(Organization.MaxNameLength);
        builder.Property(o => o.Slug).HasMaxLength(Organization.MaxSlugLength);
        builder.Property(o => o.Logo).HasMaxLength(Organization.MaxLogoLength);
        builder.Property(o => o.Metadata).HasMaxLength(Organization.MaxMetadataLength);
        builder.HasIndex(o => o.Slug).IsUnique();
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(64);
        builder.Property(m => m.OrganizationId).HasMaxLength(64);
        builder.Property(m => m.UserId).HasMaxLength(64);
        builder.Property(m => m.Role).HasMaxLength(Member.MaxRoleLength);
        builder.Ignore(m => m.Roles);

        // One membership per user and organization; the gate looks members up by both, a user's list by user.
        builder.HasIndex(m => new { m.OrganizationId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(64);
        builder.Property(i => i.OrganizationId).HasMaxLength(64);
        builder.Property(i => i.InviterId).HasMaxLength(64);
        builder.Property(i => i.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(i => i.Role).HasMaxLength(Member.MaxRoleLength);
        builder.Property(i => i.TeamId).HasMaxLength(Member.MaxRoleLength);
        builder.Ignore(i => i.TeamIds);
        builder.Property(i => i.Status).HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<InvitationStatus>(s, true)).HasMaxLength(16);

        // An organization's invitations by address (re-invite, limit); a recipient's by address.
        builder.HasIndex(i => new { i.OrganizationId, i.Email });
        builder.HasIndex(i => i.Email);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.InviterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("teams");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.OrganizationId).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(Team.MaxNameLength);
        builder.HasIndex(t => t.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("team_members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(64);
        builder.Property(m => m.TeamId).HasMaxLength(64);
        builder.Property(m => m.UserId).HasMaxLength(64);

        // One membership per user and team; a user's teams by user.
        builder.HasIndex(m => new { m.TeamId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganizationRoleConfiguration : IEntityTypeConfiguration<OrganizationRole>
{
    public void Configure(EntityTypeBuilder<OrganizationRole> builder)
    {
        builder.ToTable("organization_roles");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(64);
        builder.Property(r => r.OrganizationId).HasMaxLength(64);
        builder.Property(r => r.Role).HasMaxLength(OrganizationRole.MaxNameLength);
        builder.Property(r => r.Permission).HasMaxLength(OrganizationRole.MaxPermissionLength);

        // A name once per organization; the gate reads an organization's roles by organization.
        builder.HasIndex(r => new { r.OrganizationId, r.Role }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
