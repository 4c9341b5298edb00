using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Conveyor.Persistence.Migrations;

/// <summary>What priority aging needs: the priority a queued attempt was last sent with, and since when it has waited.</summary>
[DbContext(typeof(ConveyorDbContext))]
[Migration("20261122050000_AddPriorityAging")]
public sealed class AddPriorityAging : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE jobs
                ADD COLUMN dispatch_priority integer     NOT NULL DEFAULT 2,
                ADD COLUMN queued_at         timestamptz NULL;
            UPDATE jobs SET dispatch_priority = priority, queued_at = created_at WHERE current_state = 'Pending';
            CREATE INDEX ix_jobs_pending_queued_at ON jobs (queued_at) WHERE current_state = 'Pending';
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("ALTER TABLE jobs DROP COLUMN dispatch_priority, DROP COLUMN queued_at;");
    }
}
