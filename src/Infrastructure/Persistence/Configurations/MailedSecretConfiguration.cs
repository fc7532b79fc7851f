using AuthPlatform.Domain.Users;
using AuthPlatform.Domain.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class MailedSecretConfiguration : IEntityTypeConfiguration<MailedSecret>
{
    public void Configure(EntityTypeBuilder<MailedSecret> builder)
    {
        // No user foreign key: a link or code may be mailed to an address that has no account yet.
        builder.ToTable("mailed_secrets");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(s => s.Name).HasMaxLength(User.MaxNameLength);
        builder.Property(s => s.Digest).IsRequired();

        // Links are found by digest; codes by address and kind, the newest first.
        builder.HasIndex(s => s.Digest);
        builder.HasIndex(s => new { s.Email, s.Kind, s.CreatedAt });
        builder.HasIndex(s => s.ExpiresAt);
    }
}
