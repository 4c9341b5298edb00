using Conveyor.Api.Security;
using Conveyor.Contracts.Jobs;
using Conveyor.Messaging.Topology;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Conveyor.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Submissions;

/// <summary>
/// Runs a failed job again as a new job with the same definition and owner. A finished job never moves, so the
/// failure stays on record; the new job's id is derived from the failed one's (<see cref="RetryIdOf"/>), so retrying
/// twice, or from two places at once, makes one new job, and a failed job is known to be retried when that id exists.
/// </summary>
public sealed class JobRetries(IDbContextFactory<ConveyorDbContext> contexts, SubmissionBatcher submissions)
{
    public const int MaxSet = 1000;

    public abstract record Outcome;
    public sealed record NotFound : Outcome;
    public sealed record NotRetryable(string Reason, string Status) : Outcome;
    public sealed record Retried(Guid JobId, bool Existed) : Outcome;
    public sealed record Unconfirmed(Guid JobId) : Outcome;

    /// <summary>A failed job not retried yet, as the failed-jobs view groups them.</summary>
    public sealed record FailedJob(Guid Id, string Type, string? Error, DateTimeOffset? FailedAt);

    public static Guid RetryIdOf(Guid jobId) => DerivedJobId.Of("retry:" + jobId.ToString("D"));

    public async Task<Outcome> Retry(Guid jobId, ApiCaller caller, CancellationToken cancellationToken) =>
        (await Retry([jobId], caller, cancellationToken))[0];

    /// <summary>
    /// Retries each of the jobs, in two reads whatever their number (the jobs, and the retries that exist already), then
    /// one submission each, sent together; each outcome in the order given.
    /// </summary>
    public async Task<Outcome[]> Retry(IReadOnlyList<Guid> jobIds, ApiCaller caller, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var jobs = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.CorrelationId)).ToDictionaryAsync(j => j.CorrelationId, cancellationToken);
        var retryIds = jobIds.Select(RetryIdOf).ToList();
        var existing = (await db.Jobs.AsNoTracking().Where(j => retryIds.Contains(j.CorrelationId)).Select(j => j.CorrelationId)
            .ToListAsync(cancellationToken)).ToHashSet();
        return await Task.WhenAll(jobIds.Select(id => Decide(jobs.GetValueOrDefault(id), id, caller, existing, cancellationToken)));
    }

    Task<Outcome> Decide(JobLifecycleState? job, Guid jobId, ApiCaller caller, HashSet<Guid> existing, CancellationToken cancellationToken)
    {
        if (job is null || !caller.CanSee(job.Owner))
            return Task.FromResult<Outcome>(new NotFound());
        if (job.CurrentState != JobStates.Failed)
            return Task.FromResult<Outcome>(new NotRetryable("only a failed job can be retried", PublicStatus.Of(job.CurrentState)));
        if (job.Pool == ExecutionQueues.ExternalPool)
            return Task.FromResult<Outcome>(new NotRetryable("the job ran outside Conveyor and was only recorded here", PublicStatus.Of(job.CurrentState)));
        var retryId = RetryIdOf(jobId);
        return existing.Contains(retryId) ? Task.FromResult<Outcome>(new Retried(retryId, Existed: true)) : Submit(job, cancellationToken);
    }

    /// <summary>
    /// The newest failed jobs of the caller's scope not retried yet, narrowed by type and exact error (an empty one: no
    /// error recorded); at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<FailedJob>> Unretried(string? owner, string? type, string? error, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Jobs.AsNoTracking().Where(j => j.CurrentState == JobStates.Failed && j.Pool != ExecutionQueues.ExternalPool);
        if (owner is not null)
            query = query.Where(j => j.Owner == owner);
        if (type is not null)
            query = query.Where(j => j.Type == type);
        if (error is { Length: 0 })
            query = query.Where(j => j.Error == null || j.Error == "");
        else if (error is not null)
            query = query.Where(j => j.Error == error);
        // Read a little more than asked, as some of the newest may have been retried already.
        var failed = await query.OrderByDescending(j => j.CreatedAt).Take(limit * 2)
            .Select(j => new FailedJob(j.CorrelationId, j.Type, j.Error, j.CompletedAt))
            .ToListAsync(cancellationToken);
        var retryIds = failed.Select(f => RetryIdOf(f.Id)).ToList();
        var retried = (await db.Jobs.AsNoTracking().Where(j => retryIds.Contains(j.CorrelationId)).Select(j => j.CorrelationId)
            .ToListAsync(cancellationToken)).ToHashSet();
        return failed.Where(f => !retried.Contains(RetryIdOf(f.Id))).Take(limit).ToList();
    }

    async Task<Outcome> Submit(JobLifecycleState failed, CancellationToken cancellationToken)
    {
        var retry = new SubmitJob(RetryIdOf(failed.CorrelationId), failed.ToDefinition(), SubmissionClock.Now())
        {
            Owner = failed.Owner,
            TraceParent = OutboxTracing.CurrentTraceParent(),
        };
        cancellationToken.ThrowIfCancellationRequested();
        return await submissions.Submit(retry) ? new Retried(retry.JobId, Existed: false) : new Unconfirmed(retry.JobId);
    }
}
