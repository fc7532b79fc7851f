using AuthPlatform.Domain.Accounts;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(64);
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.Property(a => a.ProviderId).HasMaxLength(64);
        builder.Property(a => a.Issuer).HasMaxLength(512);
        builder.Property(a => a.Subject).HasMaxLength(Account.MaxSubjectLength);
        builder.Property(a => a.Scope).HasMaxLength(2048);
        builder.Property(a => a.TokenKeyId).HasMaxLength(64);
        builder.Ignore(a => a.Scopes);

        // One person at one provider is one account, whichever user it belongs to.
        builder.HasIndex(a => new { a.Issuer, a.Subject }).IsUnique();
        builder.HasIndex(a => a.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OAuthStateConfiguration : IEntityTypeConfiguration<OAuthState>
{
    public void Configure(EntityTypeBuilder<OAuthState> builder)
    {
        builder.ToTable("oauth_states");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.StateDigest).IsRequired();
        builder.Property(s => s.ProviderId).HasMaxLength(64);
        builder.Property(s => s.CodeVerifier).HasMaxLength(128);
        builder.Property(s => s.Nonce).HasMaxLength(128);
        builder.Property(s => s.CallbackUrl).HasMaxLength(2048);
        builder.Property(s => s.ErrorCallbackUrl).HasMaxLength(2048);
        builder.Property(s => s.NewUserCallbackUrl).HasMaxLength(2048);
        builder.Property(s => s.LinkUserId).HasMaxLength(64);
        builder.Property(s => s.Scopes).HasMaxLength(2048);
        builder.HasIndex(s => s.StateDigest).IsUnique();
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.LinkUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
