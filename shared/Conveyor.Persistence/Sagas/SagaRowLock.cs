using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence.Sagas;

/// <summary>Reads a saga row through EF and holds its lock until the surrounding transaction ends (a group locks its rows with <see cref="SagaRowStatements{TSaga}"/>).</summary>
internal static class SagaRowLock
{
    public static async Task<TSaga?> Load<TSaga>(DbContext db, Guid correlationId, CancellationToken cancellationToken)
        where TSaga : class, ISaga
    {
        // Not composed further by EF, so the FOR UPDATE stays on the outermost SELECT.
        var rows = await db.Set<TSaga>()
            .FromSqlRaw(LockSql<TSaga>.For(db), correlationId)
            .ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    /// <summary>The statement, built once per saga type from the EF model: names come from the model, never from input.</summary>
    static class LockSql<TSaga> where TSaga : class, ISaga
    {
        static string? one;

        public static string For(DbContext db) => one ??= Build(db);

        static string Build(DbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(TSaga))
                ?? throw new InvalidOperationException($"{typeof(TSaga).Name} is not mapped in {db.GetType().Name}.");
            var table = entity.GetTableName();
            var key = entity.FindProperty(nameof(ISaga.CorrelationId))!.GetColumnName();
            return "SELECT * FROM \"" + table + "\" WHERE \"" + key + "\" = {0} FOR UPDATE";
        }
    }
}
