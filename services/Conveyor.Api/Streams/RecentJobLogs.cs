namespace Conveyor.Api.Streams;

/// <summary>
/// The live log lines this API instance has heard for jobs still running, so that a client subscribing mid-run gets the
/// lines printed so far before the live ones: a job's captured output reaches the jobs table only when its attempt ends.
/// Bounded: the newest <see cref="MaxLinesPerJob"/> lines of a job, and <see cref="MaxCharacters"/> characters in all,
/// the jobs that printed first forgotten first; a job is forgotten when it ends (its output is then in the table): on its
/// terminal event while a stream is open here, otherwise within a minute (<see cref="FinishedJobLogSweeper"/>). Lines
/// printed before this instance started are not here.
/// </summary>
public sealed class RecentJobLogs
{
    public const int MaxLinesPerJob = 5000;

    /// <summary>About 32 MB of text whatever runs: lines are at most 4 KiB, so a count of lines alone would not bound it.</summary>
    public const long MaxCharacters = 16 * 1024 * 1024;

    readonly Dictionary<Guid, LinkedList<JobLogLines>> jobs = [];
    readonly Dictionary<Guid, int> lineCounts = [];
    readonly Dictionary<Guid, long> characterCounts = [];
    readonly LinkedList<Guid> order = new();
    long characters;

    /// <summary>Keeps a batch; the same instance then goes to the stream clients, which is how they skip one seen twice.</summary>
    public void Record(JobLogLines batch)
    {
        lock (jobs)
        {
            if (!jobs.TryGetValue(batch.JobId, out var batches))
            {
                jobs[batch.JobId] = batches = new LinkedList<JobLogLines>();
                lineCounts[batch.JobId] = 0;
                characterCounts[batch.JobId] = 0;
                order.AddLast(batch.JobId);
            }
            batches.AddLast(batch);
            Count(batch, +1);
            while (lineCounts[batch.JobId] > MaxLinesPerJob && batches.First is { } first && batches.Count > 1)
            {
                Count(first.Value, -1);
                batches.RemoveFirst();
            }
            while (characters > MaxCharacters && order.First is { } oldest)
                Forget(oldest.Value);
        }
    }

    void Count(JobLogLines batch, int sign)
    {
        var size = batch.Lines.Sum(line => (long)line.Length);
        lineCounts[batch.JobId] += sign * batch.Lines.Count;
        characterCounts[batch.JobId] += sign * size;
        characters += sign * size;
    }

    /// <summary>The jobs whose lines are kept.</summary>
    public IReadOnlyList<Guid> Jobs()
    {
        lock (jobs)
            return [.. jobs.Keys];
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
                characters -= characterCounts[jobId];
                characterCounts.Remove(jobId);
                lineCounts.Remove(jobId);
                order.Remove(jobId);
            }
        }
    }
}
