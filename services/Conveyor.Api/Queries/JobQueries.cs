using Conveyor.Api.Http;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Queries;

/// <summary>Read-only views of job state. The scheduler is the only writer; the API never tracks or changes a row.</summary>
public sealed class JobQueries(IDbContextFactory<ConveyorDbContext> contexts, ExecutorQueries executors)
{
    public async Task<JobDetails?> GetDetails(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.CorrelationId == id, cancellationToken);
        if (job is null)
            return null;
        var details = ToDetails(job);
        return details.Status == "pending"
            ? details with { PendingReason = await executors.WhyWaiting(job.Pool, JobNeeds.Of(job), cancellationToken) }
            : details;
    }

    public async Task<int> Count(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.CountAsync(cancellationToken);
    }

    static JobDetails ToDetails(JobLifecycleState job) => new()
    {
        Id = job.CorrelationId,
        Type = job.Type,
        BinaryUrl = job.Kind == JobKind.Binary ? job.BinaryUrl : null,
        BinarySha256 = job.Kind == JobKind.Binary ? job.BinarySha256 : null,
        Arguments = job.Arguments,
        EnvVariables = job.EnvVariables,
        Priority = JobPriorityNames.Of(job.Priority),
        Status = PublicStatus.Of(job.CurrentState),
        ExecutorId = job.ExecutorId,
        Stdout = job.Stdout,
        Stderr = job.Stderr,
        ExitCode = job.ExitCode,
        Error = job.Error,
        CreatedAt = job.CreatedAt.UtcDateTime,
        StartedAt = job.StartedAt?.UtcDateTime,
        CompletedAt = job.CompletedAt?.UtcDateTime,
        Attempts = job.Attempts.Select(a => new AttemptDetails
        {
            Number = a.Number,
            ExecutorId = a.ExecutorId,
            ExecutorIp = a.ExecutorIp,
            StartedAt = a.StartedAt?.UtcDateTime,
            EndedAt = a.EndedAt?.UtcDateTime,
            Status = a.Status,
            ExitCode = a.ExitCode,
            Error = a.Error,
        }).ToList(),
        Kind = JobKindNames.Of(job.Kind),
        Container = JobKindDetails.Container(job.Container),
        Pipeline = JobKindDetails.Pipeline(job.Kind, job.PipelineSteps),
        Steps = JobKindDetails.Steps(job.StepResults),
    };
}
