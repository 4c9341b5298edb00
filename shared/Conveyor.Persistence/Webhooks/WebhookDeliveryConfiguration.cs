using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conveyor.Persistence.Webhooks;

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("webhook_deliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Sequence).UseIdentityByDefaultColumn();
        delivery.Property(d => d.Event).HasMaxLength(32);
        delivery.Property(d => d.Status).HasMaxLength(32);
        delivery.Property(d => d.Attempts).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<List<DeliveryAttempt>>(), JsonColumn.Comparer<List<DeliveryAttempt>>());
        delivery.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
