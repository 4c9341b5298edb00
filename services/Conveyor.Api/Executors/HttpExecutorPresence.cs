using System.Collections.Concurrent;
using Conveyor.Contracts.Executors;
using Conveyor.Contracts.Jobs;
using Conveyor.Messaging;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Executors;

/// <summary>
/// Puts polling executors in the executor registry beside the queue executors. Every call a polling executor makes is
/// a sign of life, published as the <see cref="ExecutorHeartbeat"/> a queue executor would send, with what it runs and
/// how many jobs it completed taken from the jobs themselves. The scheduler's registry consumer keeps it as it keeps any.
/// </summary>
public sealed class HttpExecutorPresence(IDbContextFactory<ConveyorDbContext> contexts, IBus bus, ILogger<HttpExecutorPresence> logger)
{
    static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);
    readonly ConcurrentDictionary<string, ClaimRequest> lastClaims = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, ExecutorProfile> profiles = new(StringComparer.Ordinal);

    public Task Seen(string executorId, ClaimRequest? claim, CancellationToken cancellationToken) =>
        Seen(executorId, claim, profile: null, cancellationToken);

    /// <param name="profile">What the executor said it is (a NEXAPod node's os, cpu, gpu and hashes), kept in its heartbeats.</param>
    public async Task Seen(string executorId, ClaimRequest? claim, ExecutorProfile? profile, CancellationToken cancellationToken)
    {
        if (claim is not null)
            lastClaims[executorId] = claim;
        if (profile is not null)
            profiles[executorId] = profile;
        var known = lastClaims.GetValueOrDefault(executorId);
        try
        {
            await bus.PublishWithin(await Heartbeat(executorId, known, profiles.GetValueOrDefault(executorId), cancellationToken),
                PublishTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Presence is for the registry's view only; the executor's own call must not fail for it.
            logger.LogWarning("Could not publish the presence of polling executor {ExecutorId}: {Reason}", executorId, ex.Message);
        }
    }

    async Task<ExecutorHeartbeat> Heartbeat(string executorId, ClaimRequest? claim, ExecutorProfile? said, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var running = await db.Jobs.AsNoTracking()
            .Where(j => j.ExecutorId == executorId && JobStates.OnExecutor.Contains(j.CurrentState))
            .Select(j => new { j.CorrelationId, j.CurrentAttemptId, j.Type, j.StartedAt })
            .ToListAsync(cancellationToken);
        var completed = await db.Jobs.AsNoTracking().LongCountAsync(j => j.ExecutorId == executorId && j.CurrentState == JobStates.Completed, cancellationToken);
        var failed = await db.Jobs.AsNoTracking().LongCountAsync(j => j.ExecutorId == executorId && j.CurrentState == JobStates.Failed, cancellationToken);
        var pool = claim?.Pool ?? said?.Pool ?? "cpu";
        var slots = Math.Max(1, running.Count);
        var docker = claim?.Kinds.Any(k => k != JobKind.Binary) == true;
        return new ExecutorHeartbeat
        {
            ExecutorId = executorId,
            Pool = pool,
            Slots = slots,
            FreeSlots = slots - running.Count,
            RunningAttempts = running.Select(r => new RunningAttemptInfo(r.CorrelationId, r.CurrentAttemptId ?? Guid.Empty, r.Type,
                r.StartedAt ?? DateTimeOffset.UtcNow)).ToList(),
            JobsCompleted = completed,
            JobsFailed = failed,
            Profile = (said ?? new ExecutorProfile { Labels = new Dictionary<string, string> { ["protocol"] = "http" } }) with
            {
                Hostname = executorId,
                Address = claim?.ExecutorIp ?? said?.Address ?? "",
                Pool = pool,
                Slots = slots,
                Runtimes = docker ? ["process", "docker"] : ["process"],
            },
            At = DateTimeOffset.UtcNow,
        };
    }
}
