using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conveyor.Persistence.Webhooks;

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("webhook_deliveries");
        delivery.HasKey(d => d.Id).HasName("webhook_deliveries_pkey");
        delivery.Property(d => d.Sequence).UseIdentityByDefaultColumn();
        delivery.Property(d => d.Event).HasMaxLength(32);
        delivery.Property(d => d.Status).HasMaxLength(32);
        delivery.Property(d => d.AttemptCount).HasDefaultValue(0).ValueGeneratedNever();
        delivery.Property(d => d.Attempts).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<List<DeliveryAttempt>>(), JsonColumn.Comparer<List<DeliveryAttempt>>())
            .HasDefaultValueSql("'[]'").ValueGeneratedNever();
        delivery.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("webhook_deliveries_subscription_id_fkey");

        // A bus message delivered twice must not be delivered to a receiver twice.
        delivery.HasIndex(d => new { d.SubscriptionId, d.EventId }, "ux_webhook_deliveries_event").IsUnique().HasFilter("redelivery_of IS NULL");
        delivery.HasIndex(d => d.NextAttemptAt, "ix_webhook_deliveries_due").HasFilter($"status = '{DeliveryStatus.Pending}'");
        delivery.HasIndex(d => new { d.SubscriptionId, d.JobId, d.Sequence }, "ix_webhook_deliveries_job_order").HasFilter($"status = '{DeliveryStatus.Pending}'");
        // Also the index of the foreign key: it leads with subscription_id.
        delivery.HasIndex(d => new { d.SubscriptionId, d.Sequence }, "ix_webhook_deliveries_log");
    }
}
