using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence.Sagas;

/// <summary>One message in a transaction of its own: the row is locked when loaded, changes are saved at once.</summary>
internal sealed class LockedRow<TSaga>(DbContext db) : ISagaRows<TSaga> where TSaga : class, ISaga
{
    public bool InsertsAllowed => true;

    public Task<TSaga?> Load(Guid correlationId, CancellationToken cancellationToken) =>
        SagaRowLock.Load<TSaga>(db, correlationId, cancellationToken);

    public Task Flush(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
