using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Conveyor.Persistence.Migrations;

/// <summary>The jobs table: one row per job, owned by the scheduler's saga.</summary>
[DbContext(typeof(ConveyorDbContext))]
[Migration("20261121000000_CreateJobs")]
public sealed class CreateJobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE jobs (
                id                 uuid PRIMARY KEY,
                current_state      varchar(32)  NOT NULL,
                type               varchar(200) NOT NULL,
                binary_url         text         NOT NULL,
                binary_sha256      varchar(64)  NOT NULL,
                arguments          text[]       NOT NULL,
                env_variables      jsonb        NOT NULL,
                priority           integer      NOT NULL,
                current_attempt_id uuid         NULL,
                attempt_count      integer      NOT NULL,
                attempts           jsonb        NOT NULL,
                executor_id        text         NULL,
                exit_code          integer      NULL,
                stdout             text         NULL,
                stderr             text         NULL,
                error              text         NULL,
                created_at         timestamptz  NOT NULL,
                started_at         timestamptz  NULL,
                completed_at       timestamptz  NULL
            );
            CREATE INDEX ix_jobs_current_state_created_at ON jobs (current_state, created_at);
            CREATE INDEX ix_jobs_created_at ON jobs (created_at);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE jobs;");
    }
}
