using MassTransit;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// Where a saga repository context gets its locked row and when its changes reach the database: at once, for a message
/// in a transaction of its own (<see cref="LockedRow{TSaga}"/>), or with the rest of a group (<see cref="GroupRows{TSaga}"/>).
/// </summary>
internal interface ISagaRows<TSaga> where TSaga : class, ISaga
{
    /// <summary>Whether a new instance may be inserted; a group only moves instances that exist.</summary>
    bool InsertsAllowed { get; }

    /// <summary>The instance, locked until the transaction ends, or null when there is none.</summary>
    Task<TSaga?> Load(Guid correlationId, CancellationToken cancellationToken);

    /// <summary>Writes what the transition changed, or leaves it for the group's one save.</summary>
    Task Flush(CancellationToken cancellationToken);
}
