using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore.Models;

namespace AuthPlatform.Infrastructure.OAuthServer;

// OpenIddict's entities (mapped by modelBuilder.UseOpenIddict()) under names that say what they are here.
internal sealed class OAuthClientTable : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreApplication>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreApplication> builder) => builder.ToTable("oauth_clients");
}

internal sealed class OAuthAuthorizationTable : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreAuthorization>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreAuthorization> builder) => builder.ToTable("oauth_authorizations");
}

internal sealed class OAuthScopeTable : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreScope>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreScope> builder) => builder.ToTable("oauth_scopes");
}

internal sealed class OAuthTokenTable : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreToken>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreToken> builder) => builder.ToTable("oauth_tokens");
}
