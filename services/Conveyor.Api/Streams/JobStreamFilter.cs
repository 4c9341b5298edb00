using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Streams;

/// <summary>
/// Which events one stream client gets: one job's (with its log lines), or the status changes of every job the caller
/// may see (<see cref="Owner"/>; null for an admin or without keys), narrowed by status, type and priority. The filters
/// are judged from what each lifecycle event carries about its job, not from the database.
/// </summary>
public sealed record JobStreamFilter(Guid? JobId, bool IncludeLogs, string? Owner)
{
    public string? Status { get; init; }
    public string? Type { get; init; }
    public JobPriority? Priority { get; init; }

    public static JobStreamFilter ForJob(Guid jobId) => new(jobId, IncludeLogs: true, Owner: null);

    public static JobStreamFilter ForOwner(string? owner) => new(null, IncludeLogs: false, owner);

    public bool Matches(LiveJobEvent live) =>
        (JobId is null || live.JobId == JobId)
        && (IncludeLogs || live.Name != LiveJobEvent.LogEvent)
        && (Owner is null || live.Job?.Owner == Owner)
        && (Status is null || live.Status == Status)
        && (Type is null || live.Job?.Type == Type)
        && (Priority is null || live.Job?.Priority == Priority);
}
