using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// Inserts many new rows of one entity type with PostgreSQL's binary <c>COPY</c>, inside the context's transaction. The
/// columns, their types and value conversions come from the EF Core model, so a column added to the model is copied
/// without a change here. Every column is written, keys included: the caller sets any generated key beforehand (COPY
/// writes identity columns as given, as <c>OVERRIDING SYSTEM VALUE</c> would).
/// In a bulk submission, EF's change tracking and per-row INSERT generation for a hundred jobs and their two hundred
/// outbox rows took about a third of the scheduler's CPU; the copy costs a small part of that.
/// </summary>
internal sealed class TableCopy<T> where T : class
{
    static readonly ConcurrentDictionary<IModel, TableCopy<T>> ByModel = new();

    readonly string command;
    readonly EntityColumn<T>[] columns;

    TableCopy(IEntityType entity)
    {
        var table = EntityTable.Of(entity);
        columns = [.. entity.GetProperties().Select(property => EntityColumn<T>.Of(property, table.Identifier))];
        command = $"COPY {table.Quoted} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
    }

    public static TableCopy<T> For(DbContext db) =>
        ByModel.GetOrAdd(db.Model, model => new TableCopy<T>(model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model")));

    public async Task Write(DbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(command, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                if (column.Value(row) is { } value)
                    await importer.WriteAsync(value, column.DataType, cancellationToken);
                else
                    await importer.WriteNullAsync(cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }
}
