using AuthPlatform.Domain.Users;
using AuthPlatform.Domain.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class VerificationTicketConfiguration : IEntityTypeConfiguration<VerificationTicket>
{
    public void Configure(EntityTypeBuilder<VerificationTicket> builder)
    {
        builder.ToTable("verification_tickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.UserId).HasMaxLength(64);
        builder.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Email).HasMaxLength(EmailAddress.MaxLength);

        // Looked up by the digest of the presented token, never by the token.
        builder.Property(t => t.TokenDigest).IsRequired();
        builder.HasIndex(t => t.TokenDigest).IsUnique();
        builder.HasIndex(t => t.ExpiresAt);
        builder.HasIndex(t => t.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
