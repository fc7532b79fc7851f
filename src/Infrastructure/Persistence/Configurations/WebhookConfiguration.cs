using AuthPlatform.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuthPlatform.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).HasMaxLength(64);
        builder.Property(w => w.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength);
        builder.Property(w => w.EventTypes).HasMaxLength(2048);
        builder.Property(w => w.SecretKeyId).HasMaxLength(64);
        builder.Property(w => w.LastError).HasMaxLength(500);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).UseIdentityAlwaysColumn();
        builder.Property(d => d.EndpointId).HasMaxLength(64);
        builder.Property(d => d.MessageId).HasMaxLength(64);
        builder.Property(d => d.EventType).HasMaxLength(64);
        builder.Property(d => d.Error).HasMaxLength(500);

        // The log of one endpoint, newest first; removed with its endpoint.
        builder.HasIndex(d => new { d.EndpointId, d.AttemptedAt });
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}
