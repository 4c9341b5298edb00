using Conveyor.Api.Queries;
using static Conveyor.Api.Dashboard.Html;

namespace Conveyor.Api.Dashboard.Pages;

/// <summary>
/// A table of jobs, the same on the overview and the job list. Each row names its job (<c>data-job-id</c>) so that the
/// page's script can move its status as the live stream reports it, and add rows for new jobs.
/// </summary>
public static class JobRows
{
    public static string Table(IReadOnlyList<JobSummary> jobs, string caption, string liveFilter)
    {
        var rows = string.Join("\n", jobs.Select(Row));
        var empty = jobs.Count == 0 ? "<tr class=\"empty\"><td colspan=\"6\">No jobs.</td></tr>" : "";
        return $"""
            <div class="table-scroll"><table class="jobs" data-live-jobs {liveFilter}>
            <caption>{E(caption)}</caption>
            <thead><tr><th scope="col">Job</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Priority</th><th scope="col">Executor</th><th scope="col">Created (UTC)</th></tr></thead>
            <tbody>
            {rows}{empty}
            </tbody>
            </table></div>
            """;
    }

    static string Row(JobSummary job) => $"""
        <tr data-job-id="{job.Id}"><td><a href="/dashboard/jobs/{job.Id}"><code>{job.Id}</code></a></td><td>{E(job.Type)}</td><td>{Status(job.Status)}</td><td>{E(job.Priority)}</td><td data-field="executor">{E(job.ExecutorId)}</td><td>{Time(job.CreatedAt)}</td></tr>
        """;
}
