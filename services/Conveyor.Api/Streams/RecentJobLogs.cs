namespace Conveyor.Api.Streams;

/// <summary>
/// The live log lines this API instance has heard for jobs still running, so that a client subscribing mid-run gets the
/// lines printed so far before the live ones: a job's captured output reaches the jobs table only when its attempt ends.
/// Bounded: the newest <see cref="MaxLinesPerJob"/> lines of at most <see cref="MaxJobs"/> jobs; a job is forgotten when it
/// ends (its output is then in the table). Lines printed before this instance started are not here.
/// </summary>
public sealed class RecentJobLogs
{
    public const int MaxLinesPerJob = 5000;
    public const int MaxJobs = 1000;

    readonly Dictionary<Guid, LinkedList<JobLogLines>> jobs = [];
    readonly Dictionary<Guid, int> lineCounts = [];
    readonly LinkedList<Guid> order = new();

    /// <summary>Keeps a batch; the same instance then goes to the stream clients, which is how they skip one seen twice.</summary>
    public void Record(JobLogLines batch)
    {
        lock (jobs)
        {
            if (!jobs.TryGetValue(batch.JobId, out var batches))
            {
                if (jobs.Count >= MaxJobs && order.First is { } oldest)
                    Forget(oldest.Value);
                jobs[batch.JobId] = batches = new LinkedList<JobLogLines>();
                lineCounts[batch.JobId] = 0;
                order.AddLast(batch.JobId);
            }
            batches.AddLast(batch);
            lineCounts[batch.JobId] += batch.Lines.Count;
            while (lineCounts[batch.JobId] > MaxLinesPerJob && batches.First is { } first && batches.Count > 1)
            {
                lineCounts[batch.JobId] -= first.Value.Lines.Count;
                batches.RemoveFirst();
            }
        }
    }

    public IReadOnlyList<JobLogLines> Of(Guid jobId)
    {
        lock (jobs)
            return jobs.TryGetValue(jobId, out var batches) ? [.. batches] : [];
    }

    public void Forget(Guid jobId)
    {
        lock (jobs)
        {
            if (jobs.Remove(jobId))
            {
                lineCounts.Remove(jobId);
                order.Remove(jobId);
            }
        }
    }
}
