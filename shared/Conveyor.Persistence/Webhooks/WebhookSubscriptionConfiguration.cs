using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conveyor.Persistence.Webhooks;

public sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> subscription)
    {
        subscription.ToTable("webhook_subscriptions");
        subscription.HasKey(s => s.Id).HasName("webhook_subscriptions_pkey");
        subscription.Property(s => s.JobType).HasMaxLength(200);
        subscription.HasIndex(s => s.CreatedAt, "ix_webhook_subscriptions_created_at");
    }
}
