using AuthPlatform.Domain.SigningKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.ToTable("signing_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(SigningKey.MaxKeyIdLength);
        builder.Property(k => k.Algorithm).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.PublicJwk).IsRequired();

        // AES-256-GCM ciphertext only; the plain private key never reaches the database.
        builder.Property(k => k.EncryptedPrivateKey).IsRequired();
        builder.Property(k => k.EncryptionKeyId).HasMaxLength(32);
        builder.Property(k => k.SucceedsKeyId).HasMaxLength(SigningKey.MaxKeyIdLength);

        // A key has at most one successor, whatever happens to the rotation lock.
        builder.HasIndex(k => k.SucceedsKeyId).IsUnique();
    }
}
