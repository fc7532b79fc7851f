using AuthPlatform.Domain.ApiKeys;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(64);
        builder.Property(k => k.ConfigId).HasMaxLength(64);
        builder.Property(k => k.UserId).HasMaxLength(64);
        builder.Property(k => k.Name).HasMaxLength(256);
        builder.Property(k => k.Start).HasMaxLength(ApiKey.StartLength);
        builder.Property(k => k.Prefix).HasMaxLength(32);
        builder.Property(k => k.KeyDigest).IsRequired();
        builder.Property(k => k.Permissions).HasColumnType("jsonb");
        builder.Property(k => k.Metadata).HasColumnType("jsonb");

        // Verification finds the key by its digest; the owner's list by user.
        builder.HasIndex(k => k.KeyDigest).IsUnique();
        builder.HasIndex(k => k.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
