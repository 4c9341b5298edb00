using System.Security.Cryptography;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// A Nosana job's exposed service as the jobs table has it: the URL its executor announced once the port answered (kept
/// on the running attempt), and the token of a private one.
/// </summary>
public sealed class NosanaServices(IDbContextFactory<ConveyorDbContext> contexts)
{
    public sealed record Service(string? Owner, string? Url, string? Token);

    /// <summary>A fresh unguessable token (128 bits, URL-safe) for a private service's path.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <returns>Null for no Nosana job of this id; a service with no URL while nothing answers (or the job is not running).</returns>
    public async Task<Service?> Find(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await db.Jobs.AsNoTracking().Where(j => j.CorrelationId == jobId && j.Type == NosanaEndpoints.JobType)
            .Select(j => new { j.Owner, j.CurrentState, j.CurrentAttemptId, j.Attempts, j.PipelineSteps })
            .SingleOrDefaultAsync(cancellationToken);
        if (job is null)
            return null;
        var exposed = job.PipelineSteps.FirstOrDefault(step => step.Container?.ExposedPort is not null)?.Container;
        var url = job.CurrentState == JobStates.Running
            ? job.Attempts.FirstOrDefault(a => a.AttemptId == job.CurrentAttemptId)?.ServiceUrl
            : null;
        return new Service(job.Owner, exposed is null ? null : url, exposed?.ServiceToken);
    }
}
