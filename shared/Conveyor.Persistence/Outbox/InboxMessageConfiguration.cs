using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conveyor.Persistence.Outbox;

public sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> message)
    {
        message.ToTable("inbox_messages");
        message.HasKey(m => new { m.MessageId, m.Consumer }).HasName("inbox_messages_pkey");
        message.HasIndex(m => m.ProcessedAt, "ix_inbox_messages_processed_at");
    }
}
