using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Executors;
using Conveyor.Persistence.Jobs;
using Conveyor.Persistence.Outbox;
using Conveyor.Persistence.Webhooks;
using Conveyor.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence.Tests;

/// <summary>A database from before the baseline, with rows the services wrote then, upgraded by the migrator as a service starts.</summary>
public sealed class UpgradeFromHandWrittenMigrationsTests
{
    static readonly Guid FinishedJob = Guid.Parse("0a000000-0000-0000-0000-000000000001");
    static readonly Guid OldJob = Guid.Parse("0a000000-0000-0000-0000-000000000002");
    static readonly Guid AttemptId = Guid.Parse("0b000000-0000-0000-0000-000000000001");
    static readonly Guid SubscriptionId = Guid.Parse("0c000000-0000-0000-0000-000000000001");
    static readonly Guid DeliveryId = Guid.Parse("0d000000-0000-0000-0000-000000000001");

    // What the services wrote under the hand-written schema; the second job predates the columns that have defaults.
    static readonly string Rows = $$"""
        INSERT INTO jobs (id, current_state, type, binary_url, binary_sha256, arguments, env_variables, priority, current_attempt_id,
                          attempt_count, attempts, executor_id, exit_code, stdout, created_at, started_at, completed_at, resources, pool,
                          timeout_seconds, max_attempts, retry_on_failure, kind, pipeline_steps, step_results, dispatch_priority, owner)
        VALUES ('{{FinishedJob}}', 'Completed', 'render', 'file:///bin/echo', repeat('a', 64), ARRAY['hello', 'world'], '{"GREETING": "hi"}',
                3, '{{AttemptId}}', 1, '[{"attemptId": "{{AttemptId}}", "number": 1, "status": "completed", "exitCode": 0}]', 'executor-1', 0,
                'hello world', '2026-11-30T10:00:00Z', '2026-11-30T10:00:01Z', '2026-11-30T10:00:02Z', '{"cpu": 1.5, "memoryMb": 512, "gpu": 0}',
                'cpu', 60, 2, true, 'Binary', '[]', '[]', 3, 'team-a');
        INSERT INTO jobs (id, current_state, type, binary_url, binary_sha256, arguments, env_variables, priority, attempt_count, attempts, created_at)
        VALUES ('{{OldJob}}', 'Pending', 'legacy', 'https://example.invalid/tool', repeat('b', 64), '{}', '{}', 2, 0, '[]', '2026-11-20T00:00:00Z');
        INSERT INTO executors VALUES ('executor-1', 'cpu', '{"hostname": "node-1", "cores": 4}', 2, 2, '[]', 5, 1, false,
                                      '2026-11-30T09:00:00Z', '2026-11-30T10:00:00Z', NULL);
        INSERT INTO inbox_messages VALUES ('{{Guid.NewGuid()}}', 'job-lifecycle', '2026-11-30T10:00:02Z');
        INSERT INTO outbox_messages (message_id, job_id, kind, message_type, body, created_at)
        VALUES ('{{Guid.NewGuid()}}', '{{FinishedJob}}', 'Publish', 'urn:message:Conveyor.Contracts.Jobs:JobCompleted', '{}', '2026-11-30T10:00:02Z');
        INSERT INTO webhook_subscriptions VALUES ('{{SubscriptionId}}', 'http://127.0.0.1:9/hook', ARRAY['job.completed'], NULL, NULL, 'team-a',
                                                  'secret', '2026-11-29T00:00:00Z');
        INSERT INTO webhook_deliveries (id, subscription_id, job_id, event_id, event, payload, status, created_at, next_attempt_at)
        VALUES ('{{DeliveryId}}', '{{SubscriptionId}}', '{{FinishedJob}}', '{{Guid.NewGuid()}}', 'job.completed', '{}', 'pending',
                '2026-11-30T10:00:02Z', '2026-11-30T10:00:02Z');
        """;

    [Fact]
    public async Task Should_keep_every_row_and_record_the_baseline_when_upgrading_a_database_of_the_hand_written_migrations()
    {
        await using var database = await IsolatedDatabase.Create();
        await PreBaselineDatabase.Load(database);
        await database.Scalar(Rows);

        await ConveyorMigrations.Run(database.ConnectionString);

        Assert.Equal([.. HandWrittenMigrationHistory.MigrationIds, .. ConveyorMigrations.All()], await ConveyorMigrations.History(database.ConnectionString));
        await using var db = ConveyorMigrations.Context(database.ConnectionString);
        var finished = await db.Jobs.AsNoTracking().SingleAsync(j => j.CorrelationId == FinishedJob);
        Assert.Equal(["hello", "world"], finished.Arguments);
        Assert.Equal("hi", finished.EnvVariables["GREETING"]);
        Assert.Equal(JobPriority.Foreground, finished.Priority);
        Assert.Equal(512, finished.Resources.MemoryMb);
        Assert.Equal(AttemptStatus.Completed, Assert.Single(finished.Attempts).Status);
        Assert.Equal(("team-a", 2, true, "hello world"), (finished.Owner, finished.MaxAttempts, finished.RetryOnFailure, finished.Stdout));
        var old = await db.Jobs.AsNoTracking().SingleAsync(j => j.CorrelationId == OldJob);
        Assert.Equal(("cpu", 3, false, JobKind.Binary, JobPriority.Background), (old.Pool, old.MaxAttempts, old.RetryOnFailure, old.Kind, old.DispatchPriority));
        Assert.Empty(old.PipelineSteps);
        Assert.Equal("node-1", (await db.Set<ExecutorRecord>().SingleAsync()).Profile.Hostname);
        Assert.Equal(1, await db.Set<InboxMessage>().CountAsync());
        Assert.Equal(1, (await db.Set<OutboxMessage>().SingleAsync()).Id);
        Assert.Equal("team-a", (await db.Set<WebhookSubscription>().SingleAsync()).Owner);
        var delivery = await db.Set<WebhookDelivery>().SingleAsync();
        Assert.Equal((DeliveryId, 1L, 0), (delivery.Id, delivery.Sequence, delivery.AttemptCount));
        Assert.Empty(delivery.Attempts);
    }

    [Fact]
    public async Task Should_take_new_rows_after_the_rows_of_the_hand_written_schema_when_upgraded()
    {
        await using var database = await IsolatedDatabase.Create();
        await PreBaselineDatabase.Load(database);
        await database.Scalar(Rows);
        await ConveyorMigrations.Run(database.ConnectionString);
        var now = DateTimeOffset.UtcNow;

        await using (var db = ConveyorMigrations.Context(database.ConnectionString))
        {
            db.Jobs.Add(new JobLifecycleState
            {
                CorrelationId = Guid.NewGuid(), CurrentState = "Pending", Type = "after-upgrade", BinaryUrl = "file:///bin/true",
                BinarySha256 = new string('c', 64), Kind = JobKind.Container, Container = new ContainerSpec { Image = "alpine:3" },
                Pool = "gpu", MaxAttempts = 1, DispatchPriority = JobPriority.BestEffort, CreatedAt = now,
            });
            db.Add(new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = "urn:message:x", Body = "{}", CreatedAt = now });
            db.Add(new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "job-lifecycle", ProcessedAt = now });
            db.Add(new WebhookDelivery
            {
                Id = Guid.NewGuid(), SubscriptionId = SubscriptionId, JobId = FinishedJob, EventId = Guid.NewGuid(), Event = "job.completed",
                Payload = "{}", CreatedAt = now, NextAttemptAt = now,
            });
            await db.SaveChangesAsync();
        }

        await using var check = ConveyorMigrations.Context(database.ConnectionString);
        var added = await check.Jobs.AsNoTracking().SingleAsync(j => j.Type == "after-upgrade");
        Assert.Equal(("gpu", 1, JobKind.Container, "alpine:3"), (added.Pool, added.MaxAttempts, added.Kind, added.Container?.Image));
        Assert.Equal(3, await check.Jobs.CountAsync());
        Assert.Equal([1L, 2L], await check.Set<OutboxMessage>().OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        Assert.Equal([1L, 2L], await check.Set<WebhookDelivery>().OrderBy(d => d.Sequence).Select(d => d.Sequence).ToListAsync());
        Assert.Equal(2, await check.Set<InboxMessage>().CountAsync());
    }

    [Fact]
    public async Task Should_leave_the_schema_as_a_new_database_has_it_when_upgraded_and_migrated_again()
    {
        await using var upgraded = await IsolatedDatabase.Create();
        await using var fresh = await IsolatedDatabase.Create();
        await PreBaselineDatabase.Load(upgraded);
        await ConveyorMigrations.Run(fresh.ConnectionString);

        await ConveyorMigrations.Run(upgraded.ConnectionString);
        await ConveyorMigrations.Run(upgraded.ConnectionString);

        Assert.Equal(await SchemaDescription.Read(fresh.ConnectionString), await SchemaDescription.Read(upgraded.ConnectionString));
        Assert.Equal([.. HandWrittenMigrationHistory.MigrationIds, .. ConveyorMigrations.All()], await ConveyorMigrations.History(upgraded.ConnectionString));
    }
}
