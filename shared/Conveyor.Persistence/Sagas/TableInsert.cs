using System.Collections.Concurrent;
using System.Numerics;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// Inserts new rows of one entity type as batch commands, to be sent with others in one round trip inside the context's
/// transaction. The columns, their types and value conversions come from the EF Core model, so a column added to the
/// model is written without a change here. An identity column is left to the table's sequence and read back with
/// <c>RETURNING</c>, in the order the rows were given.
/// Rows go in statements of a power-of-two size, so that a table has only a few statement shapes for PostgreSQL to keep
/// prepared, whatever the batch's size. <see cref="NewRows"/> says when this beats <see cref="TableCopy{T}"/>.
/// </summary>
internal sealed class TableInsert<T> where T : class
{
    const int MaxParameters = 30_000; // PostgreSQL takes at most 65,535 parameters in one statement
    static readonly ConcurrentDictionary<IModel, TableInsert<T>> ByModel = new();

    readonly string table;
    readonly EntityColumn<T>[] columns;
    readonly PropertyInfo? identity;
    readonly string? returning;
    readonly int maxRows;
    readonly ConcurrentDictionary<int, string> statements = new();

    TableInsert(IEntityType entity)
    {
        var name = EntityTable.Of(entity);
        table = name.Quoted;
        var identityProperty = entity.GetProperties().SingleOrDefault(IsIdentity);
        columns = [.. entity.GetProperties().Where(p => p != identityProperty).Select(property => EntityColumn<T>.Of(property, name.Identifier))];
        identity = identityProperty?.PropertyInfo;
        returning = identityProperty is null ? null : $" RETURNING \"{identityProperty.GetColumnName(name.Identifier)}\"";
        maxRows = Math.Max(1, Math.Min(128, PowerOfTwoAtMost(MaxParameters / columns.Length)));
    }

    public static TableInsert<T> For(DbContext db) =>
        ByModel.GetOrAdd(db.Model, model => new TableInsert<T>(model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model")));

    /// <summary>The statements that insert <paramref name="rows"/>, in order; add them to one batch.</summary>
    public List<NpgsqlBatchCommand> Commands(IReadOnlyList<T> rows)
    {
        var commands = new List<NpgsqlBatchCommand>();
        for (var start = 0; start < rows.Count;)
        {
            var size = Math.Min(maxRows, PowerOfTwoAtMost(rows.Count - start));
            var command = new NpgsqlBatchCommand(statements.GetOrAdd(size, Statement));
            for (var i = start; i < start + size; i++)
                foreach (var column in columns)
                    command.Parameters.Add(new NpgsqlParameter { Value = column.Value(rows[i]) ?? DBNull.Value, DataTypeName = column.DataType });
            commands.Add(command);
            start += size;
        }
        return commands;
    }

    /// <summary>Gives each row the identity the table drew for it; call with the reader positioned at the first command's results.</summary>
    public async Task ReadIdentities(NpgsqlDataReader reader, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (identity is null || rows.Count == 0)
            return;
        // The table's sequence is drawn as the rows are inserted, in the order given: ascending ids are the rows' order.
        var ids = new List<long>(rows.Count);
        do
        {
            while (await reader.ReadAsync(cancellationToken))
                ids.Add(reader.GetInt64(0));
        }
        while (ids.Count < rows.Count && await reader.NextResultAsync(cancellationToken));
        if (ids.Count != rows.Count)
            throw new InvalidOperationException($"{rows.Count} rows were inserted into {table} but {ids.Count} ids came back");
        ids.Sort();
        for (var i = 0; i < rows.Count; i++)
            identity.SetValue(rows[i], Convert.ChangeType(ids[i], identity.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
    }

    string Statement(int rows)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ");
        var parameter = 1;
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns.Length; column++)
                sql.Append(column == 0 ? "$" : ", $").Append(parameter++);
            sql.Append(')');
        }
        return sql.Append(returning).ToString();
    }

    static int PowerOfTwoAtMost(int n) => 1 << BitOperations.Log2((uint)n);

    static bool IsIdentity(IProperty property) => property.GetValueGenerationStrategy() is
        NpgsqlValueGenerationStrategy.IdentityAlwaysColumn or NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.SerialColumn;
}
