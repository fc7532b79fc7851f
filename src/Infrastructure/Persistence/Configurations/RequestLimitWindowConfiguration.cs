using AuthPlatform.Infrastructure.Limits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

/// <summary>Mapped for the schema only; the store writes it with one atomic upsert (PostgresCredentialLimitStore).</summary>
internal sealed class RequestLimitWindowConfiguration : IEntityTypeConfiguration<RequestLimitWindowRow>
{
    public void Configure(EntityTypeBuilder<RequestLimitWindowRow> builder)
    {
        builder.ToTable("request_limit_windows");
        builder.HasKey(w => w.KeyDigest);
        builder.HasIndex(w => w.WindowStart); // the cleanup job deletes past windows by it
    }
}
