using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Conveyor.Persistence.Migrations;

/// <summary>The owner of a job (the API key that submitted it), and the index the API's claim and list queries walk.</summary>
[DbContext(typeof(ConveyorDbContext))]
[Migration("20261122060000_AddJobOwner")]
public sealed class AddJobOwner : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE jobs ADD COLUMN owner varchar(200) NULL;
            CREATE INDEX ix_jobs_owner_created_at ON jobs (owner, created_at);
            CREATE INDEX ix_jobs_waiting ON jobs (pool, dispatch_priority DESC, created_at) WHERE current_state = 'Pending';
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP INDEX ix_jobs_waiting;
            DROP INDEX ix_jobs_owner_created_at;
            ALTER TABLE jobs DROP COLUMN owner;
            """);
    }
}
