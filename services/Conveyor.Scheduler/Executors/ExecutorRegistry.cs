using System.Text.Json;
using Conveyor.Contracts.Executors;
using Conveyor.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Scheduler.Executors;

/// <summary>
/// Writes the executor registry. Every write is one upsert, so registrations and heartbeats may arrive in any order, twice,
/// or for an executor the registry has not seen yet (a heartbeat then creates the row).
/// A message older than what is stored changes nothing. Heartbeats carry the profile too, so a registry that missed a
/// registration has the profile with the next beat.
/// </summary>
public sealed class ExecutorRegistry(IDbContextFactory<ConveyorDbContext> contexts)
{
    // The same settings as the jsonb columns, so EF reads back what this writes.
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task Register(ExecutorRegistered registered, CancellationToken cancellationToken)
    {
        var at = registered.At.ToUniversalTime();
        var profile = JsonSerializer.Serialize(registered.Profile, Json);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO executors AS e (executor_id, pool, profile, slots, free_slots, running_attempts, jobs_completed, jobs_failed, draining,
                                        registered_at, last_heartbeat_at)
            VALUES ({registered.ExecutorId}, {registered.Profile.Pool}, {profile}::jsonb, {registered.Profile.Slots}, {registered.Profile.Slots},
                    '[]'::jsonb, 0, 0, false, {at}, {at})
            ON CONFLICT (executor_id) DO UPDATE SET
                pool = EXCLUDED.pool,
                profile = EXCLUDED.profile,
                slots = EXCLUDED.slots,
                registered_at = CASE WHEN e.stopped_at < EXCLUDED.registered_at THEN EXCLUDED.registered_at ELSE e.registered_at END,
                last_heartbeat_at = GREATEST(e.last_heartbeat_at, EXCLUDED.last_heartbeat_at),
                stopped_at = CASE WHEN e.stopped_at < EXCLUDED.registered_at THEN NULL ELSE e.stopped_at END
            """, cancellationToken);
    }

    public async Task Beat(ExecutorHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        var at = heartbeat.At.ToUniversalTime();
        var running = JsonSerializer.Serialize(heartbeat.RunningAttempts, Json);
        var profile = JsonSerializer.Serialize(heartbeat.Profile, Json);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO executors AS e (executor_id, pool, profile, slots, free_slots, running_attempts, jobs_completed, jobs_failed, draining,
                                        registered_at, last_heartbeat_at)
            VALUES ({heartbeat.ExecutorId}, {heartbeat.Pool}, {profile}::jsonb, {heartbeat.Slots}, {heartbeat.FreeSlots}, {running}::jsonb,
                    {heartbeat.JobsCompleted}, {heartbeat.JobsFailed}, {heartbeat.Draining}, {at}, {at})
            ON CONFLICT (executor_id) DO UPDATE SET
                pool = EXCLUDED.pool,
                profile = EXCLUDED.profile,
                slots = EXCLUDED.slots,
                free_slots = EXCLUDED.free_slots,
                running_attempts = EXCLUDED.running_attempts,
                jobs_completed = EXCLUDED.jobs_completed,
                jobs_failed = EXCLUDED.jobs_failed,
                draining = EXCLUDED.draining,
                last_heartbeat_at = EXCLUDED.last_heartbeat_at
            WHERE e.last_heartbeat_at <= EXCLUDED.last_heartbeat_at AND (e.stopped_at IS NULL OR e.stopped_at < EXCLUDED.last_heartbeat_at)
            """, cancellationToken);
    }

    public async Task Stop(ExecutorStopped stopped, CancellationToken cancellationToken)
    {
        var at = stopped.At.ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE executors SET stopped_at = {at}, free_slots = 0, running_attempts = '[]'::jsonb, draining = false
            WHERE executor_id = {stopped.ExecutorId} AND (stopped_at IS NULL OR stopped_at < {at})
            """, cancellationToken);
    }
}
