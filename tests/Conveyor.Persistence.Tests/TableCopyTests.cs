using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Persistence.Outbox;
using Conveyor.Persistence.Sagas;
using Conveyor.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Conveyor.Persistence.Tests;

/// <summary>
/// Bulk submissions store their new jobs and outbox rows by COPY instead of through EF Core. A row copied must be the row
/// EF would have inserted, in every column, or a bulk-submitted job would read back differently from one submitted alone.
/// </summary>
public sealed class TableCopyTests
{
    static readonly DateTimeOffset At = new(2026, 12, 7, 10, 11, 12, 345, TimeSpan.Zero);

    [Fact]
    public async Task Should_store_in_every_column_what_ef_core_stores_when_a_job_is_copied()
    {
        await using var database = await IsolatedDatabase.Create();
        await ConveyorMigrations.Run(database.ConnectionString);
        var byEf = EveryFieldSet(Guid.NewGuid());
        var byCopy = EveryFieldSet(Guid.NewGuid());

        await using (var db = ConveyorMigrations.Context(database.ConnectionString))
        {
            db.Add(byEf);
            await db.SaveChangesAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await TableCopy<JobLifecycleState>.For(db).Write(db, [byCopy], CancellationToken.None);
            await transaction.CommitAsync();
        }

        var efRow = await RowWithoutId(database, "jobs", byEf.CorrelationId);
        Assert.Contains("\"container\"", efRow);
        Assert.Equal(efRow, await RowWithoutId(database, "jobs", byCopy.CorrelationId));
    }

    [Fact]
    public async Task Should_give_copied_outbox_rows_ids_of_the_tables_own_sequence_in_staging_order()
    {
        await using var database = await IsolatedDatabase.Create();
        await ConveyorMigrations.Run(database.ConnectionString);
        var rows = Enumerable.Range(0, 3).Select(i => new OutboxMessage
        {
            MessageId = Guid.NewGuid(), JobId = Guid.NewGuid(), Kind = OutboxMessageKind.Send, DestinationAddress = $"queue:q{i}",
            Priority = 3, MessageType = "T", Body = $"{{\"n\": {i}}}", CreatedAt = At, TraceParent = "00-a-b-01",
        }).ToList();

        await using var db = ConveyorMigrations.Context(database.ConnectionString);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await OutboxRows.Store(db, rows, CancellationToken.None);
            await transaction.CommitAsync();
        }
        // A row inserted by EF afterwards takes the next id from the same sequence, not one already copied.
        var later = new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = "T", Body = "{}", CreatedAt = At };
        db.Add(later);
        await db.SaveChangesAsync();

        var stored = await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([.. rows.Select(r => r.MessageId), later.MessageId], stored.Select(m => m.MessageId));
        Assert.Equal(rows.Select(r => r.Id), stored.Take(3).Select(m => m.Id));
        Assert.True(rows[0].Id < rows[1].Id && rows[1].Id < rows[2].Id && rows[2].Id < later.Id);
        Assert.Equal((byte)3, stored[0].Priority);
        Assert.Equal("queue:q2", stored[2].DestinationAddress);
    }

    /// <summary>A job with no column left to its default or null, so that a column the copy misses shows.</summary>
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
