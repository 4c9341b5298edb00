using Conveyor.Api.Streams;

namespace Conveyor.Api.Tests.Streams;

/// <summary>The lines kept for late subscribers stay bounded however much running jobs print.</summary>
public sealed class RecentJobLogsTests
{
    static JobLogLines Batch(Guid job, int lines, int length) =>
        new(job, Guid.Empty, "stdout", Enumerable.Range(0, lines).Select(_ => new string('x', length)).ToList(), DateTime.UtcNow);

    [Fact]
    public void Should_keep_a_jobs_newest_lines_up_to_its_limit()
    {
        var logs = new RecentJobLogs();
        var job = Guid.NewGuid();
        var first = Batch(job, 100, 10);

        logs.Record(first);
        for (var i = 0; i < RecentJobLogs.MaxLinesPerJob / 100; i++)
            logs.Record(Batch(job, 100, 10));

        Assert.DoesNotContain(first, logs.Of(job));
        Assert.Equal(RecentJobLogs.MaxLinesPerJob, logs.Of(job).Sum(b => b.Lines.Count));
    }

    [Fact]
    public void Should_forget_the_earliest_jobs_once_all_kept_text_passes_its_budget()
    {
        var logs = new RecentJobLogs();
        var jobs = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();

        // Each job prints 4,000 lines of 4 KiB: about 16 M characters each, so the budget holds about one job at a time.
        foreach (var job in jobs)
            for (var i = 0; i < 40; i++)
                logs.Record(Batch(job, 100, 4096));

        Assert.Empty(logs.Of(jobs[0]));
        Assert.NotEmpty(logs.Of(jobs[^1]));
        Assert.True(jobs.Sum(j => logs.Of(j).Sum(b => b.Lines.Sum(l => (long)l.Length))) <= RecentJobLogs.MaxCharacters);
    }

    [Fact]
    public void Should_forget_a_job_when_told_it_ended()
    {
        var logs = new RecentJobLogs();
        var job = Guid.NewGuid();
        logs.Record(Batch(job, 3, 5));

        logs.Forget(job);

        Assert.Empty(logs.Of(job));
    }
}
