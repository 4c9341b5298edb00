using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence.Sagas;

/// <summary>Reads a saga row and holds its lock until the surrounding transaction ends.</summary>
internal static class SagaRowLock
{
    public static async Task<TSaga?> Load<TSaga>(DbContext db, Guid correlationId, CancellationToken cancellationToken)
        where TSaga : class, ISaga
    {
        var entity = db.Model.FindEntityType(typeof(TSaga))
            ?? throw new InvalidOperationException($"{typeof(TSaga).Name} is not mapped in {db.GetType().Name}.");
        var table = entity.GetTableName();
        var key = entity.FindProperty(nameof(ISaga.CorrelationId))!.GetColumnName();

        // Names come from the EF model, never from input; the id is a parameter.
        // Not composed further by EF, so the FOR UPDATE stays on the outermost SELECT.
        var sql = "SELECT * FROM \"" + table + "\" WHERE \"" + key + "\" = {0} FOR UPDATE";
        var rows = await db.Set<TSaga>()
            .FromSqlRaw(sql, correlationId)
            .ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }
}
