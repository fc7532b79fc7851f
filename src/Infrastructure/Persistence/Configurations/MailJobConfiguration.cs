using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class MailJobConfiguration : IEntityTypeConfiguration<MailJob>
{
    public void Configure(EntityTypeBuilder<MailJob> builder)
    {
        builder.ToTable("mail_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).UseIdentityAlwaysColumn();
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(j => j.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Recipient).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(j => j.OtherEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(j => j.UserId).HasMaxLength(64);
        builder.Property(j => j.CallbackUrl).HasMaxLength(MailJob.MaxCallbackLength);
        builder.Property(j => j.NewUserCallbackUrl).HasMaxLength(MailJob.MaxCallbackLength);
        builder.Property(j => j.ErrorCallbackUrl).HasMaxLength(MailJob.MaxCallbackLength);
        builder.Property(j => j.SignUpName).HasMaxLength(User.MaxNameLength);
        builder.Property(j => j.InvitationId).HasMaxLength(64);
        builder.Property(j => j.LastError).HasMaxLength(MailJob.MaxErrorLength);

        // The sender's queue: pending jobs by due time (a partial index stays small as jobs complete).
        builder.HasIndex(j => j.NextAttemptAt).HasFilter("completed_at IS NULL").HasDatabaseName("ix_mail_jobs_pending");

        // The per-recipient limit counts recent jobs to one address.
        builder.HasIndex(j => new { j.Recipient, j.CreatedAt });
    }
}
