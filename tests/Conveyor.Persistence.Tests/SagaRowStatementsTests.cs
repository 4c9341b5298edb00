using System.Text.Json;
using Conveyor.Persistence.Jobs;
using Conveyor.Persistence.Sagas;
using Conveyor.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Conveyor.Persistence.Tests;

/// <summary>
/// Grouped transitions read their locked rows and write back their changes with <see cref="SagaRowStatements{TSaga}"/>
/// instead of EF Core. A job read so must be the job EF reads, and a transition's changes must leave the row EF's save
/// would leave, or a job would move differently in a group than alone.
/// </summary>
public sealed class SagaRowStatementsTests
{
    [Fact]
    public async Task Should_read_every_property_of_a_locked_job_as_ef_core_reads_it()
    {
        await using var database = await IsolatedDatabase.Create();
        await ConveyorMigrations.Run(database.ConnectionString);
        var job = FullJob.WithEveryField(Guid.NewGuid());
        await using (var db = ConveyorMigrations.Context(database.ConnectionString))
        {
            db.Add(job);
            await db.SaveChangesAsync();
        }

        await using var context = ConveyorMigrations.Context(database.ConnectionString);
        var byEf = await context.Set<JobLifecycleState>().AsNoTracking().SingleAsync(j => j.CorrelationId == job.CorrelationId);
        await using var transaction = await context.Database.BeginTransactionAsync();
        var read = await Lock(context, job.CorrelationId, Guid.NewGuid());

        var row = Assert.Single(read).Value;
        Assert.Equal(JsonSerializer.Serialize(byEf), JsonSerializer.Serialize(row.Instance));
    }

    [Fact]
    public async Task Should_leave_the_row_that_ef_core_leaves_after_the_same_changes()
    {
        await using var database = await IsolatedDatabase.Create();
        await ConveyorMigrations.Run(database.ConnectionString);
        var byEf = FullJob.WithEveryField(Guid.NewGuid());
        var byStatements = FullJob.WithEveryField(Guid.NewGuid());
        await using (var db = ConveyorMigrations.Context(database.ConnectionString))
        {
            db.AddRange(byEf, byStatements);
            await db.SaveChangesAsync();
        }

        await using (var db = ConveyorMigrations.Context(database.ConnectionString))
        {
            Change(await db.Set<JobLifecycleState>().SingleAsync(j => j.CorrelationId == byEf.CorrelationId));
            await db.SaveChangesAsync();
        }
        await using (var db = ConveyorMigrations.Context(database.ConnectionString))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var row = (await Lock(db, byStatements.CorrelationId))[byStatements.CorrelationId];
            Change(row.Instance);
            var update = SagaRowStatements<JobLifecycleState>.For(db).Update(row);
            Assert.NotNull(update);
            await Run(db, update);
            await transaction.CommitAsync();
        }

        var efRow = await NewRowWriterTests.RowWithoutId(database, "jobs", byEf.CorrelationId);
        Assert.Contains("\"Completed\"", efRow);
        Assert.Contains("\"edited in place\"", efRow);
        Assert.Equal(efRow, await NewRowWriterTests.RowWithoutId(database, "jobs", byStatements.CorrelationId));
    }

    [Fact]
    public async Task Should_write_nothing_when_a_transition_changed_nothing()
    {
        await using var database = await IsolatedDatabase.Create();
        await ConveyorMigrations.Run(database.ConnectionString);
        var job = FullJob.WithEveryField(Guid.NewGuid());
        await using var db = ConveyorMigrations.Context(database.ConnectionString);
        db.Add(job);
        await db.SaveChangesAsync();

        await using var transaction = await db.Database.BeginTransactionAsync();
        var row = (await Lock(db, job.CorrelationId))[job.CorrelationId];
        Assert.Null(SagaRowStatements<JobLifecycleState>.For(db).Update(row));
    }

    /// <summary>What a completion does to a job: plain columns, a nullable one cleared, and the attempts edited in place.</summary>
    static void Change(JobLifecycleState job)
    {
        job.CurrentState = "Completed";
        job.CompletedAt = FullJob.At.AddMinutes(1);
        job.ExitCode = 0;
        job.Stderr = null;
        job.Attempts[0].Status = "edited in place";
        job.Arguments.Add("three");
    }

    static async Task<Dictionary<Guid, SagaRowStatements<JobLifecycleState>.LoadedRow>> Lock(ConveyorDbContext db, params Guid[] ids)
    {
        var statements = SagaRowStatements<JobLifecycleState>.For(db);
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection()) { BatchCommands = { statements.Lock(ids) } };
        await using var reader = await batch.ExecuteReaderAsync();
        return await statements.Read(reader, CancellationToken.None);
    }

    static async Task Run(ConveyorDbContext db, NpgsqlBatchCommand command)
    {
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection()) { BatchCommands = { command } };
        Assert.Equal(1, await batch.ExecuteNonQueryAsync());
    }
}
