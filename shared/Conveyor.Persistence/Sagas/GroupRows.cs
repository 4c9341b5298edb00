using MassTransit;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// The rows of a whole group of messages, locked together before the first transition runs; each transition's changes
/// wait in the change tracker for the group's one save.
/// </summary>
internal sealed class GroupRows<TSaga>(IReadOnlyDictionary<Guid, TSaga> locked) : ISagaRows<TSaga> where TSaga : class, ISaga
{
    public bool InsertsAllowed => false;

    public Task<TSaga?> Load(Guid correlationId, CancellationToken cancellationToken) =>
        Task.FromResult(locked.GetValueOrDefault(correlationId));

    public Task Flush(CancellationToken cancellationToken) => Task.CompletedTask;
}
