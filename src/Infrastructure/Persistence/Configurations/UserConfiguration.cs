using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasMaxLength(64);
        builder.Property(u => u.Name).HasMaxLength(User.MaxNameLength).IsRequired();
        builder.Property(u => u.Email).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.HasIndex(u => u.Email).IsUnique();
        builder.Property(u => u.Image).HasMaxLength(User.MaxImageLength);
        // Stored normalized (lower-case), so a plain unique index is case-insensitive uniqueness; NULLs do not collide.
        builder.Property(u => u.Username).HasMaxLength(User.MaxUsernameLength);
        builder.HasIndex(u => u.Username).IsUnique();
        builder.Property(u => u.DisplayUsername).HasMaxLength(User.MaxUsernameLength);
        builder.Property(u => u.Role).HasMaxLength(User.MaxRoleLength).HasDefaultValue(User.DefaultRole).IsRequired();
        builder.Property(u => u.BanReason).HasMaxLength(User.MaxBanReasonLength);
    }
}
