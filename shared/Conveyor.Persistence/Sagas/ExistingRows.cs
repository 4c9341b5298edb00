using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Conveyor.Persistence.Sagas;

/// <summary>Which of some keys already have a row of <typeparamref name="T"/>: one statement, its table and key from the EF Core model.</summary>
internal static class ExistingRows<T> where T : class
{
    static readonly ConcurrentDictionary<IModel, string> Statements = new();

    /// <summary>Reads one column, the keys among <paramref name="keys"/> that are stored.</summary>
    public static NpgsqlBatchCommand Command(DbContext db, Guid[] keys) =>
        new(Statements.GetOrAdd(db.Model, Statement)) { Parameters = { new NpgsqlParameter { Value = keys } } };

    static string Statement(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table);
        var qualified = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
        return $"SELECT \"{key}\" FROM {qualified} WHERE \"{key}\" = ANY($1)";
    }
}
