using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Conveyor.Persistence.Migrations;

/// <summary>The W3C trace context of the transition that staged an outbox message, so that its delivery joins the job's trace.</summary>
[DbContext(typeof(ConveyorDbContext))]
[Migration("20261202010000_AddOutboxTraceParent")]
public sealed class AddOutboxTraceParent : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("ALTER TABLE outbox_messages ADD COLUMN trace_parent text NULL;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("ALTER TABLE outbox_messages DROP COLUMN trace_parent;");
    }
}
