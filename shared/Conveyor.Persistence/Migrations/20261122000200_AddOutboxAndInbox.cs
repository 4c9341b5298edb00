using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Conveyor.Persistence.Migrations;

/// <summary>The transactional outbox (messages a transition caused, sent after commit) and inbox (messages already processed).</summary>
[DbContext(typeof(ConveyorDbContext))]
[Migration("20261122000200_AddOutboxAndInbox")]
public sealed class AddOutboxAndInbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE outbox_messages (
                id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                message_id          uuid         NOT NULL,
                job_id              uuid         NULL,
                kind                text         NOT NULL,
                destination_address text         NULL,
                request_id          uuid         NULL,
                priority            smallint     NULL,
                message_type        text         NOT NULL,
                body                jsonb        NOT NULL,
                created_at          timestamptz  NOT NULL
            );
            CREATE TABLE inbox_messages (
                message_id   uuid        NOT NULL,
                consumer     text        NOT NULL,
                processed_at timestamptz NOT NULL,
                PRIMARY KEY (message_id, consumer)
            );
            CREATE INDEX ix_inbox_messages_processed_at ON inbox_messages (processed_at);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE outbox_messages; DROP TABLE inbox_messages;");
    }
}
