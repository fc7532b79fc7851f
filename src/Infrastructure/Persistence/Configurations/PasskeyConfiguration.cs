using AuthPlatform.Domain.Passkeys;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class PasskeyConfiguration : IEntityTypeConfiguration<Passkey>
{
    public void Configure(EntityTypeBuilder<Passkey> builder)
    {
        builder.ToTable("passkeys");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(64);
        builder.Property(p => p.UserId).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(Passkey.MaxNameLength);
        builder.Property(p => p.CredentialId).IsRequired();
        builder.Property(p => p.PublicKey).IsRequired();
        builder.Property(p => p.DeviceType).HasMaxLength(16);
        builder.Property(p => p.Transports).HasMaxLength(128);

        // Sign-in finds the passkey by credential id; one authenticator credential belongs to one account.
        builder.HasIndex(p => p.CredentialId).IsUnique();
        builder.HasIndex(p => p.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebAuthnChallengeConfiguration : IEntityTypeConfiguration<WebAuthnChallenge>
{
    public void Configure(EntityTypeBuilder<WebAuthnChallenge> builder)
    {
        builder.ToTable("webauthn_challenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.UserId).HasMaxLength(64);
        builder.Property(c => c.Ceremony).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.TokenDigest).IsRequired();
        builder.Property(c => c.OptionsJson).IsRequired();
        builder.HasIndex(c => c.TokenDigest).IsUnique();
        builder.HasIndex(c => c.ExpiresAt);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
