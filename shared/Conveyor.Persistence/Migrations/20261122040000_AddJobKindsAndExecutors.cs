using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Conveyor.Persistence.Migrations;

/// <summary>Container and pipeline jobs (their definitions and the pipeline's intermediate results), and the executor registry.</summary>
[DbContext(typeof(ConveyorDbContext))]
[Migration("20261122040000_AddJobKindsAndExecutors")]
public sealed class AddJobKindsAndExecutors : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE jobs
                ADD COLUMN kind           varchar(16) NOT NULL DEFAULT 'Binary',
                ADD COLUMN container      jsonb       NULL,
                ADD COLUMN pipeline_steps jsonb       NOT NULL DEFAULT '[]',
                ADD COLUMN pipeline_input text        NULL,
                ADD COLUMN step_results   jsonb       NOT NULL DEFAULT '[]';
            CREATE TABLE executors (
                executor_id       varchar(200) PRIMARY KEY,
                pool              varchar(64)  NOT NULL,
                profile           jsonb        NOT NULL,
                slots             integer      NOT NULL,
                free_slots        integer      NOT NULL,
                running_attempts  jsonb        NOT NULL,
                jobs_completed    bigint       NOT NULL,
                jobs_failed       bigint       NOT NULL,
                draining          boolean      NOT NULL,
                registered_at     timestamptz  NOT NULL,
                last_heartbeat_at timestamptz  NOT NULL,
                stopped_at        timestamptz  NULL
            );
            CREATE INDEX ix_executors_last_heartbeat_at ON executors (last_heartbeat_at);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE executors;
            ALTER TABLE jobs DROP COLUMN kind, DROP COLUMN container, DROP COLUMN pipeline_steps, DROP COLUMN pipeline_input, DROP COLUMN step_results;
            """);
    }
}
