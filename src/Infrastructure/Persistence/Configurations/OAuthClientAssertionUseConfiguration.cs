using AuthPlatform.Domain.OAuthClients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class OAuthClientAssertionUseConfiguration : IEntityTypeConfiguration<OAuthClientAssertionUse>
{
    public void Configure(EntityTypeBuilder<OAuthClientAssertionUse> builder)
    {
        builder.ToTable("oauth_client_assertion_uses");
        builder.HasKey(u => u.Digest);
        builder.HasIndex(u => u.ExpiresAt);
    }
}
