using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence.Sagas;

/// <summary>Reads saga rows and holds their locks until the surrounding transaction ends.</summary>
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

    /// <summary>
    /// Locks many rows in one statement, in key order: two groups that share rows take them in the same order and so
    /// wait for each other instead of deadlocking. Rows that do not exist are simply absent.
    /// </summary>
    public static async Task<Dictionary<Guid, TSaga>> LoadMany<TSaga>(DbContext db, IReadOnlyCollection<Guid> correlationIds,
        CancellationToken cancellationToken)
        where TSaga : class, ISaga
    {
        var rows = await db.Set<TSaga>()
            .FromSqlRaw(LockSql<TSaga>.ForMany(db), [correlationIds.ToArray()])
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(row => row.CorrelationId);
    }

    /// <summary>The statement, built once per saga type from the EF model: names come from the model, never from input.</summary>
    static class LockSql<TSaga> where TSaga : class, ISaga
    {
        static string? one;
        static string? many;

        public static string For(DbContext db) => one ??= Build(db, many: false);

        public static string ForMany(DbContext db) => many ??= Build(db, many: true);

        static string Build(DbContext db, bool many)
        {
            var entity = db.Model.FindEntityType(typeof(TSaga))
                ?? throw new InvalidOperationException($"{typeof(TSaga).Name} is not mapped in {db.GetType().Name}.");
            var table = entity.GetTableName();
            var key = entity.FindProperty(nameof(ISaga.CorrelationId))!.GetColumnName();
            return many
                ? "SELECT * FROM \"" + table + "\" WHERE \"" + key + "\" = ANY({0}) ORDER BY \"" + key + "\" FOR UPDATE"
                : "SELECT * FROM \"" + table + "\" WHERE \"" + key + "\" = {0} FOR UPDATE";
        }
    }
}
