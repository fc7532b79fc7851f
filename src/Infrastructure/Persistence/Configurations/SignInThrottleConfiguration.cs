using AuthPlatform.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

/// <summary>Mapped for the schema only; the throttle reads and writes it with atomic SQL (FailedSignInThrottle).</summary>
internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottleRow>
{
    public void Configure(EntityTypeBuilder<SignInThrottleRow> builder)
    {
        builder.ToTable("sign_in_throttles");
        builder.HasKey(t => t.KeyDigest);
        builder.HasIndex(t => t.UpdatedAt);
    }
}
