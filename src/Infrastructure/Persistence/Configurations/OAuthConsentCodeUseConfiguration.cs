using AuthPlatform.Domain.OAuthConsents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class OAuthConsentCodeUseConfiguration : IEntityTypeConfiguration<OAuthConsentCodeUse>
{
    public void Configure(EntityTypeBuilder<OAuthConsentCodeUse> builder)
    {
        builder.ToTable("oauth_consent_code_uses");
        builder.HasKey(u => u.Digest);
        builder.HasIndex(u => u.ExpiresAt);
    }
}
