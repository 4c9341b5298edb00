using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Conveyor.Persistence.Migrations;

/// <summary>Per-job limits (resources, timeout, attempts) and the timestamps the scheduler's supervision sweeps on.</summary>
[DbContext(typeof(ConveyorDbContext))]
[Migration("20261122000100_AddJobLimitsAndSupervision")]
public sealed class AddJobLimitsAndSupervision : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE jobs
                ADD COLUMN resources         jsonb       NOT NULL DEFAULT '{}',
                ADD COLUMN pool              varchar(64) NOT NULL DEFAULT 'cpu',
                ADD COLUMN timeout_seconds   integer     NULL,
                ADD COLUMN max_attempts      integer     NOT NULL DEFAULT 3,
                ADD COLUMN retry_on_failure  boolean     NOT NULL DEFAULT false,
                ADD COLUMN next_attempt_at   timestamptz NULL,
                ADD COLUMN last_heartbeat_at timestamptz NULL,
                ADD COLUMN deadline_at       timestamptz NULL;
            CREATE INDEX ix_jobs_next_attempt_at ON jobs (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
            CREATE INDEX ix_jobs_running_supervision ON jobs (last_heartbeat_at) WHERE current_state = 'Running';
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE jobs DROP COLUMN resources, DROP COLUMN pool, DROP COLUMN timeout_seconds, DROP COLUMN max_attempts,
                DROP COLUMN retry_on_failure, DROP COLUMN next_attempt_at, DROP COLUMN last_heartbeat_at, DROP COLUMN deadline_at;
            """);
    }
}
