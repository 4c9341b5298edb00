namespace Conveyor.Api.Streams;

/// <summary>Which events one stream client gets.</summary>
public sealed record JobStreamFilter(Guid? JobId, bool IncludeLogs, string? Owner)
{
    public static JobStreamFilter ForJob(Guid jobId) => new(jobId, IncludeLogs: true, Owner: null);

    /// <summary>
    /// The status changes of every job of <paramref name="owner"/>. Lifecycle events do not carry their job's owner yet,
    /// so the endpoint passes null (every job) and, with API keys on, only admins may call it; once events carry it, the
    /// endpoint passes a client's owner and nothing else here changes.
    /// </summary>
    public static JobStreamFilter ForOwner(string? owner) => new(null, IncludeLogs: false, owner);

    public bool Matches(LiveJobEvent live) =>
        (JobId is null || live.JobId == JobId)
        && (IncludeLogs || live.Name != LiveJobEvent.LogEvent)
        && (Owner is null || live.Owner == Owner);
}
