using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Persistence.Outbox;
using Conveyor.Persistence.Sagas;
using Conveyor.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Conveyor.Persistence.Tests;

/// <summary>
/// Submissions store their new jobs and outbox rows by <see cref="TableInsert{T}"/> instead of through EF Core. A row
/// inserted so must be the row EF would have inserted, in every column, or a submitted job would read back differently
/// from one stored by a transition.
/// </summary>
public sealed class TableInsertTests
{
    static readonly DateTimeOffset At = new(2026, 12, 7, 10, 11, 12, 345, TimeSpan.Zero);

    [Fact]
    public async Task Should_store_in_every_column_what_ef_core_stores_when_a_job_is_inserted()
    {
        await using var database = await IsolatedDatabase.Create();
        await ConveyorMigrations.Run(database.ConnectionString);
        var byEf = EveryFieldSet(Guid.NewGuid());
        var byInsert = EveryFieldSet(Guid.NewGuid());

        await using (var db = ConveyorMigrations.Context(database.ConnectionString))
        {
            db.Add(byEf);
            await db.SaveChangesAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await Insert(db, [byInsert]);
            await transaction.CommitAsync();
        }

        var efRow = await RowWithoutId(database, "jobs", byEf.CorrelationId);
        Assert.Contains("\"container\"", efRow);
        Assert.Equal(efRow, await RowWithoutId(database, "jobs", byInsert.CorrelationId));
    }

    [Fact]
    public async Task Should_give_inserted_outbox_rows_ids_of_the_tables_own_sequence_in_staging_order()
    {
        await using var database = await IsolatedDatabase.Create();
        await ConveyorMigrations.Run(database.ConnectionString);
        // 11 rows go as statements of 8, 2 and 1: the ids must follow the rows' order across them.
        var rows = Enumerable.Range(0, 11).Select(i => new OutboxMessage
        {
            MessageId = Guid.NewGuid(), JobId = Guid.NewGuid(), Kind = OutboxMessageKind.Send, DestinationAddress = $"queue:q{i}",
            Priority = 3, MessageType = "T", Body = $"{{\"n\": {i}}}", CreatedAt = At, TraceParent = "00-a-b-01",
        }).ToList();

        await using var db = ConveyorMigrations.Context(database.ConnectionString);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Insert(db, rows);
            await transaction.CommitAsync();
        }
        // A row inserted by EF afterwards takes the next id from the same sequence, not one already drawn.
        var later = new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = "T", Body = "{}", CreatedAt = At };
        db.Add(later);
        await db.SaveChangesAsync();

        var stored = await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([.. rows.Select(r => r.MessageId), later.MessageId], stored.Select(m => m.MessageId));
        Assert.Equal(rows.Select(r => r.Id), stored.Take(rows.Count).Select(m => m.Id));
        Assert.All(rows, row => Assert.Equal($"{{\"n\": {rows.IndexOf(row)}}}", stored.Single(m => m.Id == row.Id).Body));
        Assert.True(rows[^1].Id < later.Id);
        Assert.Equal((byte)3, stored[0].Priority);
        Assert.Equal("queue:q10", stored[10].DestinationAddress);
    }

    /// <summary>Runs the insert's statements in one batch, as a submission does, reading back the identities.</summary>
    static async Task Insert<T>(ConveyorDbContext db, List<T> rows) where T : class
    {
        var insert = TableInsert<T>.For(db);
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
        foreach (var command in insert.Commands(rows))
            batch.BatchCommands.Add(command);
        await using var reader = await batch.ExecuteReaderAsync();
        await insert.ReadIdentities(reader, rows, CancellationToken.None);
    }

    /// <summary>A job with no column left to its default or null, so that a column the insert misses shows.</summary>
    static JobLifecycleState EveryFieldSet(Guid id) => new()
    {
        CorrelationId = id,
        CurrentState = "Pending",
        Type = "copy-test",
        BinaryUrl = "http://127.0.0.1/bin",
        BinarySha256 = new string('a', 64),
        Arguments = ["one", "two"],
        EnvVariables = new() { ["A"] = "1" },
        Priority = JobPriority.Foreground,
        Resources = new JobResources { Cpu = 1.5, MemoryMb = 256, Gpu = 1 },
        Pool = "gpu",
        Owner = "owner",
        TimeoutSeconds = 30,
        MaxAttempts = 5,
        RetryOnFailure = true,
        Kind = JobKind.Container,
        Container = new ContainerSpec { Image = "img", Cmd = ["run"], WorkDir = "/w", ExposedPort = 8080, Volumes = [new VolumeMount("v", "/v")] },
        PipelineSteps = [new PipelineStep { Name = "s", Kind = JobKind.Binary, Binary = new BinarySpec { Url = "u", Sha256 = "s" } }],
        PipelineInput = "input",
        StepResults = [new StepResult { Index = 0, Name = "s", Kind = JobKind.Binary, Status = "completed", StartedAt = At, EndedAt = At }],
        DispatchPriority = JobPriority.BestEffort,
        QueuedAt = At,
        CurrentAttemptId = Guid.Empty,
        AttemptCount = 2,
        Attempts = [new AttemptRecord { AttemptId = Guid.Empty, Number = 1, ExecutorId = "e", StartedAt = At, Status = "running" }],
        ExecutorId = "e",
        ExitCode = 7,
        Stdout = "out",
        Stderr = "err",
        Error = "error",
        NextAttemptAt = At,
        LastHeartbeatAt = At,
        DeadlineAt = At,
        CreatedAt = At,
        StartedAt = At,
        CompletedAt = At,
    };

    static async Task<string> RowWithoutId(IsolatedDatabase database, string table, Guid id)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT (to_jsonb(t) - 'id')::text FROM {table} t WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
