using AuthPlatform.Domain.Organizations;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.UserId).HasMaxLength(64);

        // The lookup key of every authenticated request: SHA-256 of the token, never the token.
        builder.Property(s => s.TokenDigest).IsRequired();
        builder.HasIndex(s => s.TokenDigest).IsUnique();

        builder.Property(s => s.RevocationReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.IpAddress).HasMaxLength(Session.MaxIpAddressLength);
        builder.Property(s => s.UserAgent).HasMaxLength(Session.MaxUserAgentLength);
        builder.Property(s => s.AuthenticationMethods).HasMaxLength(Session.MaxAuthenticationMethodsLength);

        // The administrator's id, kept as written: no foreign key, as BetterAuth has none, so removing the
        // administrator leaves the record of who opened the session.
        builder.Property(s => s.ImpersonatedBy).HasMaxLength(Session.MaxUserIdLength);

        // list-sessions and "revoke all of a user's sessions" go by user; cleanup goes by expiry.
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasIndex(s => s.RevokedAt).HasFilter("revoked_at is not null"); // cleanup of revoked sessions
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);

        // Deleting an organization clears it from the sessions that had it active (an update: the caches hear of it).
        builder.Property(s => s.ActiveOrganizationId).HasMaxLength(64);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.ActiveOrganizationId).OnDelete(DeleteBehavior.SetNull);

        // Likewise a removed team (and every team of a deleted organization) leaves the sessions that had it active.
        builder.Property(s => s.ActiveTeamId).HasMaxLength(64);
        builder.HasOne<Team>().WithMany().HasForeignKey(s => s.ActiveTeamId).OnDelete(DeleteBehavior.SetNull);
    }
}
