using Conveyor.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Security;

/// <summary>
/// Whether a caller may see (and so act on) a job. Another owner's job is answered as unknown, so a key cannot even learn
/// which ids exist. An admin sees every job; what does not exist is left to the endpoint to report.
/// </summary>
public sealed class JobOwnership(IDbContextFactory<ConveyorDbContext> contexts)
{
    public async Task<bool> CanSee(Guid jobId, ApiCaller caller, CancellationToken cancellationToken) =>
        (await Visible([jobId], caller, cancellationToken)).Contains(jobId);

    public async Task<IReadOnlySet<Guid>> Visible(IReadOnlyCollection<Guid> jobIds, ApiCaller caller, CancellationToken cancellationToken)
    {
        if (caller.OwnerScope is not { } owner)
            return jobIds.ToHashSet();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = jobIds.Distinct().ToList();
        var mine = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.CorrelationId) && j.Owner == owner)
            .Select(j => j.CorrelationId).ToListAsync(cancellationToken);
        return mine.ToHashSet();
    }
}
