using AuthPlatform.Domain.TwoFactor;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class TwoFactorEnrolmentConfiguration : IEntityTypeConfiguration<TwoFactorEnrolment>
{
    public void Configure(EntityTypeBuilder<TwoFactorEnrolment> builder)
    {
        builder.ToTable("two_factor_enrolments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(64);
        builder.Property(e => e.UserId).HasMaxLength(64);

        // AES-256-GCM ciphertext only (ADR 0100); the TOTP key never reaches the database in the clear.
        builder.Property(e => e.EncryptedSecret).IsRequired();
        builder.Property(e => e.EncryptionKeyId).HasMaxLength(32);
        builder.HasIndex(e => e.UserId).IsUnique(); // one TOTP factor per user
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BackupCodeConfiguration : IEntityTypeConfiguration<BackupCode>
{
    public void Configure(EntityTypeBuilder<BackupCode> builder)
    {
        builder.ToTable("two_factor_backup_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.UserId).HasMaxLength(64);
        builder.Property(c => c.Digest).IsRequired(); // SHA-256 of the code, never the code
        builder.HasIndex(c => c.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TwoFactorChallengeConfiguration : IEntityTypeConfiguration<TwoFactorChallenge>
{
    public void Configure(EntityTypeBuilder<TwoFactorChallenge> builder)
    {
        builder.ToTable("two_factor_challenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.UserId).HasMaxLength(64);
        builder.Property(c => c.TokenDigest).IsRequired();
        builder.HasIndex(c => c.TokenDigest).IsUnique();
        builder.HasIndex(c => c.UserId);
        builder.Property(c => c.SignInMethod).HasMaxLength(32).HasDefaultValue("password");
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrustedDeviceConfiguration : IEntityTypeConfiguration<TrustedDevice>
{
    public void Configure(EntityTypeBuilder<TrustedDevice> builder)
    {
        builder.ToTable("trusted_devices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(64);
        builder.Property(d => d.UserId).HasMaxLength(64);
        builder.Property(d => d.TokenDigest).IsRequired();
        builder.HasIndex(d => d.TokenDigest).IsUnique();
        builder.HasIndex(d => d.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
