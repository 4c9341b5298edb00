using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conveyor.Persistence.Outbox;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("outbox_messages");
        message.HasKey(m => m.Id).HasName("outbox_messages_pkey");
        message.Property(m => m.Id).UseIdentityAlwaysColumn();
        message.Property(m => m.Body).HasColumnType("jsonb");
        message.Property(m => m.TraceParent).HasColumnType("text");
    }
}
