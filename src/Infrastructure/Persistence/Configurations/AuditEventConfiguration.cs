using AuthPlatform.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Type).HasMaxLength(AuditEvent.MaxTypeLength);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Reason).HasMaxLength(AuditEvent.MaxReasonLength);
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.SubjectUserId).HasMaxLength(64);
        builder.Property(e => e.OrganizationId).HasMaxLength(64);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(AuditEvent.MaxUserAgentLength);

        // No foreign key to users: the trail outlives the accounts it mentions (remove-user keeps it).
        // A user's activity and the admin's filters read by subject and time; the sealer reads the unsealed tail;
        // doctor walks the chain by position.
        builder.HasIndex(e => new { e.SubjectUserId, e.OccurredAt });
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => e.Position).IsUnique();
        builder.HasIndex(e => e.Id).HasFilter("position IS NULL").HasDatabaseName("ix_audit_events_unsealed");
    }
}
