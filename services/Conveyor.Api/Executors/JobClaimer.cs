using Conveyor.Contracts.Attempts;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Executors;

/// <summary>
/// Hands a polling executor the highest-priority waiting job it can run, oldest first within a priority (the priority its
/// work was last queued with, so that priority aging counts here as in the queues). It asks the
/// saga for the job's current attempt exactly as a queue executor does (<see cref="StartAttempt"/>): the saga grants an
/// attempt once, so when a queue executor later receives the same attempt's <c>ExecuteJob</c> it is refused, and when a
/// queue executor got there first this claim is refused and the next candidate is tried. No job runs twice.
/// </summary>
public sealed class JobClaimer(IDbContextFactory<ConveyorDbContext> contexts, IRequestClient<StartAttempt> saga, ILogger<JobClaimer> logger)
{
    /// <summary>Candidates read per claim: enough to get past the few that concurrent claimers take meanwhile.</summary>
    const int Candidates = 8;
    static readonly RequestTimeout GrantTimeout = RequestTimeout.After(s: 10);

    /// <summary>The granted job's id, or null when nothing this executor can run is waiting.</summary>
    public async Task<Guid?> Claim(ClaimRequest claim, CancellationToken cancellationToken)
    {
        foreach (var (jobId, attemptId) in await Waiting(claim, cancellationToken))
        {
            var answer = await saga.GetResponse<AttemptGranted, AttemptRefused>(
                new StartAttempt(jobId, attemptId, claim.ExecutorId, claim.ExecutorIp), cancellationToken, GrantTimeout);
            if (answer.Is(out Response<AttemptGranted>? _))
            {
                logger.LogInformation("Attempt {AttemptId} of job {JobId} claimed over HTTP by {ExecutorId}", attemptId, jobId, claim.ExecutorId);
                return jobId;
            }
        }
        return null;
    }

    async Task<List<(Guid JobId, Guid AttemptId)>> Waiting(ClaimRequest claim, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var kinds = claim.Kinds.ToList();
        var rows = await db.Jobs.AsNoTracking()
            .Where(j => j.CurrentState == JobStates.Pending && j.Pool == claim.Pool && kinds.Contains(j.Kind) && j.CurrentAttemptId != null)
            .OrderByDescending(j => j.DispatchPriority).ThenBy(j => j.CreatedAt).ThenBy(j => j.CorrelationId)
            .Take(Candidates)
            .Select(j => new { j.CorrelationId, j.CurrentAttemptId })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.CorrelationId, r.CurrentAttemptId!.Value)).ToList();
    }
}
