using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class PasswordCredentialConfiguration : IEntityTypeConfiguration<PasswordCredential>
{
    public void Configure(EntityTypeBuilder<PasswordCredential> builder)
    {
        builder.ToTable("password_credentials");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.UserId).HasMaxLength(64);
        builder.Property(c => c.PasswordHash).HasMaxLength(512).IsRequired();

        // One password per user; deleting the user deletes it.
        builder.HasIndex(c => c.UserId).IsUnique();
        builder.HasOne<User>().WithOne().HasForeignKey<PasswordCredential>(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
