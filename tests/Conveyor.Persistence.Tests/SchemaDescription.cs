using Npgsql;

namespace Conveyor.Persistence.Tests;

/// <summary>
/// A database's schema as text, read from the catalog: every column in order (type, nullability, default, identity),
/// every constraint, index and sequence, each with its name. Two databases with equal descriptions have the same schema
/// as far as pg_dump --schema-only shows it.
/// </summary>
internal static class SchemaDescription
{
    static readonly string[] Queries =
    [
        """
        SELECT format('column %s.%s %s%s%s%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                      CASE WHEN a.attnotnull THEN ' not null' ELSE '' END,
                      coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), ''),
                      CASE a.attidentity WHEN 'a' THEN ' identity always' WHEN 'd' THEN ' identity by default' ELSE '' END)
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum
        """,
        """
        SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY conrelid::regclass::text, conname
        """,
        "SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname",
        """
        SELECT format('sequence %s %s start %s min %s max %s increment %s cycle %s cache %s', sequencename, data_type,
                      start_value, min_value, max_value, increment_by, cycle, cache_size)
        FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename
        """,
    ];

    public static async Task<string> Read(string connectionString)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var query in Queries)
        {
            await using var command = new NpgsqlCommand(query, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lines.Add(reader.GetString(0));
        }
        return string.Join('\n', lines);
    }
}
