using Conveyor.Contracts.Executors;
using Conveyor.Messaging;
using Conveyor.Persistence;
using Conveyor.Persistence.Executors;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Endpoints.Nexapod;

/// <summary>
/// NEXAPod nodes in the executor registry, which the scheduler alone writes: a registration is published as any
/// executor's <see cref="ExecutorRegistered"/>, and answered once the registry shows it, so a node's first poll finds it.
/// </summary>
public sealed class NexapodNodes(IDbContextFactory<ConveyorDbContext> contexts, IBus bus)
{
    static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    static readonly TimeSpan RecordWait = TimeSpan.FromSeconds(10);

    public async Task<bool> Register(string nodeId, ExecutorProfile profile, CancellationToken cancellationToken)
    {
        var at = DateTimeOffset.UtcNow;
        await bus.PublishWithin(new ExecutorRegistered(nodeId, profile with { Hostname = nodeId }, at), PublishTimeout, cancellationToken);
        var deadline = DateTimeOffset.UtcNow + RecordWait;
        // A registration moves the node's last sign of life to its own time (the registry keeps microseconds), whether
        // the node is new or registers again; seeing that time, or a later one, means this registration is stored.
        var recorded = at.AddTicks(-(at.Ticks % 10));
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await Find(nodeId, cancellationToken) is { } node && node.LastHeartbeatAt >= recorded)
                return true;
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
        return false;
    }

    /// <summary>The node as the registry holds it, or null when it never registered through this surface.</summary>
    public async Task<ExecutorRecord?> Find(string nodeId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Set<ExecutorRecord>().AsNoTracking().SingleOrDefaultAsync(e => e.ExecutorId == nodeId, cancellationToken);
        return record is not null && NexapodProfile.IsNode(record.Profile) ? record : null;
    }

    public async Task<IReadOnlyList<ExecutorRecord>> All(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Set<ExecutorRecord>().AsNoTracking().OrderBy(e => e.RegisteredAt).ToListAsync(cancellationToken);
        return records.Where(r => NexapodProfile.IsNode(r.Profile)).ToList();
    }
}
