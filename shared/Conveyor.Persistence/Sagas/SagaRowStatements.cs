using System.Collections.Concurrent;
using System.Text;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// Reads saga rows under lock and writes back what transitions changed, as batch commands on the context's connection
/// and without EF Core's change tracker. Columns, types, conversions and the test for a change all come from the EF
/// model (each property's own value comparer, as EF's change detection uses), so the rows read and written are the ones
/// EF would read and write. A grouped transaction's lock, saves and outbox inserts once went through EF's query
/// pipeline, change tracking and update generation: about a fifth of the scheduler's CPU samples under load, and two
/// extra round trips per group.
/// </summary>
internal sealed class SagaRowStatements<TSaga> where TSaga : class, ISaga
{
    static readonly ConcurrentDictionary<IModel, SagaRowStatements<TSaga>> ByModel = new();

    readonly string table;
    readonly EntityColumn<TSaga>[] columns;
    readonly EntityColumn<TSaga> key;
    readonly string lockMany;
    readonly string existing;
    readonly ConcurrentDictionary<string, string> updates = new();

    SagaRowStatements(IEntityType entity)
    {
        var name = EntityTable.Of(entity);
        table = name.Quoted;
        columns = [.. entity.GetProperties().Select(property => EntityColumn<TSaga>.Of(property, name.Identifier))];
        key = columns.Single(c => c.Property.Name == nameof(ISaga.CorrelationId));
        // In key order: two groups that share rows take them in the same order and wait for each other instead of deadlocking.
        lockMany = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c.Name}\""))} FROM {table} WHERE \"{key.Name}\" = ANY($1) ORDER BY \"{key.Name}\" FOR UPDATE";
        existing = $"SELECT \"{key.Name}\" FROM {table} WHERE \"{key.Name}\" = ANY($1)";
    }

    public static SagaRowStatements<TSaga> For(DbContext db) =>
        ByModel.GetOrAdd(db.Model, model => new SagaRowStatements<TSaga>(model.FindEntityType(typeof(TSaga))
            ?? throw new InvalidOperationException($"{typeof(TSaga).Name} is not in the model")));

    /// <summary>Locks the rows of <paramref name="ids"/> until the transaction ends; rows that do not exist are absent.</summary>
    public NpgsqlBatchCommand Lock(Guid[] ids) => new(lockMany) { Parameters = { new NpgsqlParameter { Value = ids } } };

    /// <summary>Reads one column, those of <paramref name="ids"/> that have a row; nothing is locked.</summary>
    public NpgsqlBatchCommand Existing(Guid[] ids) => new(existing) { Parameters = { new NpgsqlParameter { Value = ids } } };

    /// <summary>Reads the locked rows, each with a snapshot of its values to tell later what changed.</summary>
    public async Task<Dictionary<Guid, LoadedRow>> Read(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<Guid, LoadedRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var instance = Activator.CreateInstance<TSaga>();
            var snapshot = new object?[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i].Read(reader, i, instance);
                snapshot[i] = columns[i].Comparer.Snapshot(columns[i].Property.GetValue(instance));
            }
            rows.Add(instance.CorrelationId, new LoadedRow(instance, snapshot));
        }
        return rows;
    }

    /// <summary>The statement that writes the columns whose values changed since <paramref name="row"/> was read; null when none did.</summary>
    public NpgsqlBatchCommand? Update(LoadedRow row)
    {
        List<EntityColumn<TSaga>>? changed = null;
        for (var i = 0; i < columns.Length; i++)
        {
            if (!columns[i].Comparer.Equals(row.Snapshot[i], columns[i].Property.GetValue(row.Instance)))
                (changed ??= []).Add(columns[i]);
        }
        if (changed is null)
            return null;
        if (changed.Contains(key))
            throw new InvalidOperationException($"A transition changed the key of {typeof(TSaga).Name} {row.Snapshot[Array.IndexOf(columns, key)]}");

        var names = string.Join(",", changed.Select(c => c.Name));
        var command = new NpgsqlBatchCommand(updates.GetOrAdd(names, _ => UpdateStatement(changed)));
        foreach (var column in changed)
            command.Parameters.Add(new NpgsqlParameter { Value = column.Value(row.Instance) ?? DBNull.Value, DataTypeName = column.DataType });
        command.Parameters.Add(new NpgsqlParameter { Value = row.Instance.CorrelationId });
        return command;
    }

    string UpdateStatement(List<EntityColumn<TSaga>> changed)
    {
        var sql = new StringBuilder($"UPDATE {table} SET ");
        for (var i = 0; i < changed.Count; i++)
            sql.Append(i == 0 ? "" : ", ").Append('"').Append(changed[i].Name).Append("\" = $").Append(i + 1);
        return sql.Append($" WHERE \"{key.Name}\" = ${changed.Count + 1}").ToString();
    }

    /// <summary>A locked row as read, and the values it had then (snapshots by the columns' comparers).</summary>
    public sealed record LoadedRow(TSaga Instance, object?[] Snapshot);
}
