using Conveyor.Api.Http;
using Conveyor.Api.Queries;
using Conveyor.Contracts.Jobs;
using Conveyor.Messaging.Topology;
using Conveyor.Persistence.Jobs;
using static Conveyor.Api.Dashboard.Html;

namespace Conveyor.Api.Dashboard.Pages;

/// <summary>
/// The overview: jobs by status (live), by priority and by surface; the last hour's completions and failures; what
/// waits in each pool's queue, with a link to the queue in the RabbitMQ management UI; active executors; the newest jobs.
/// </summary>
public static class OverviewPage
{
    static readonly JobPriority[] Priorities = [JobPriority.Foreground, JobPriority.Background, JobPriority.BestEffort];

    public static string Render(DashboardQueries.Overview overview, IReadOnlyList<JobSummary> newest, int activeExecutors,
        IReadOnlyList<string> servedPools, string queueLinkBase)
    {
        var byStatus = PublicStatus.All.Select(status => (status, count: overview.Counts.Where(c => c.Status == status).Sum(c => c.Count))).ToList();
        var tiles = string.Join("", byStatus.Select(s =>
            $"""<li><a href="/dashboard/jobs?status={s.status}"><span class="count" data-count="{s.status}">{E(s.count)}</span> {s.status}</a></li>"""));

        var priorityRows = string.Join("", Priorities.Select(p =>
        {
            var name = JobPriorityNames.Of(p);
            long Count(string status) => overview.Counts.Where(c => c.Priority == p && c.Status == status).Sum(c => c.Count);
            return $"""<tr><th scope="row"><a href="/dashboard/jobs?priority={name}">{name}</a></th><td>{E(Count(PublicStatus.Pending))}</td><td>{E(Count(PublicStatus.Running))}</td><td>{E(overview.Counts.Where(c => c.Priority == p).Sum(c => c.Count))}</td></tr>""";
        }));

        var surfaces = new[] { JobSurfaces.Native }.Concat(JobSurfaces.Compatible.Select(c => c.Surface));
        var surfaceRows = string.Join("", surfaces.Select(surface =>
        {
            var jobs = overview.Counts.Where(c => c.Surface == surface).ToList();
            var type = JobSurfaces.Compatible.FirstOrDefault(c => c.Surface == surface).Type;
            var name = type is null ? E(surface) : $"""<a href="/dashboard/jobs?type={type}">{E(surface)}</a>""";
            return $"""<tr><th scope="row">{name}</th><td>{E(jobs.Sum(c => c.Count))}</td><td>{E(jobs.Where(c => c.Status == PublicStatus.Failed).Sum(c => c.Count))}</td></tr>""";
        }));

        var completed = overview.LastHour.Sum(b => b.Completed);
        var failed = overview.LastHour.Sum(b => b.Failed);
        var failureRate = completed + failed == 0 ? "no jobs ended" : $"failure rate {100.0 * failed / (completed + failed):0.#}%";

        // Every pool an executor serves has its queue listed, waiting work or not; so does every pool work waits in.
        var idlePools = servedPools.Where(pool => overview.Waiting.All(w => w.Pool != pool)).Select(pool => (pool, priority: "–", count: 0L));
        var queueRows = string.Join("", overview.Waiting.Select(w => (pool: w.Pool, priority: JobPriorityNames.Of(w.Priority), count: w.Count))
            .Concat(idlePools).OrderBy(row => row.pool, StringComparer.Ordinal).Select(row =>
        {
            var queue = ExecutionQueues.QueueName(row.pool);
            var link = row.pool is ExecutionQueues.ExternalPool or ExecutionQueues.NodePool
                ? "<span>no queue (not run by executors)</span>"
                : $"""<a href="{E(queueLinkBase + Uri.EscapeDataString(queue))}">{E(queue)} in RabbitMQ</a>""";
            return $"""<tr><th scope="row">{E(row.pool)}</th><td>{row.priority}</td><td>{E(row.count)}</td><td>{link}</td></tr>""";
        }));
        if (queueRows.Length == 0)
            queueRows = "<tr><td colspan=\"4\">Nothing waits, and no executor serves a pool.</td></tr>";

        return $"""
            <section aria-labelledby="by-status">
            <h2 id="by-status">Jobs by status</h2>
            <ul class="tiles" data-live-counts>{tiles}</ul>
            </section>
            <div class="columns">
            <section aria-labelledby="by-priority">
            <h2 id="by-priority">By priority</h2>
            <table><thead><tr><th scope="col">Priority</th><th scope="col">Waiting</th><th scope="col">Running</th><th scope="col">All</th></tr></thead><tbody>{priorityRows}</tbody></table>
            </section>
            <section aria-labelledby="by-surface">
            <h2 id="by-surface">By surface</h2>
            <table><thead><tr><th scope="col">Surface</th><th scope="col">Jobs</th><th scope="col">Failed</th></tr></thead><tbody>{surfaceRows}</tbody></table>
            </section>
            </div>
            <section aria-labelledby="last-hour">
            <h2 id="last-hour">The last hour</h2>
            <p id="throughput-caption">{E(completed)} completed, {E(failed)} failed, {failureRate}; five-minute bars, failures on top.</p>
            {Charts.Throughput(overview.LastHour)}
            </section>
            <div class="columns">
            <section aria-labelledby="queues">
            <h2 id="queues">Waiting, per pool and priority</h2>
            <table><thead><tr><th scope="col">Pool</th><th scope="col">Priority</th><th scope="col">Jobs</th><th scope="col">Queue</th></tr></thead><tbody>{queueRows}</tbody></table>
            </section>
            <section aria-labelledby="executors">
            <h2 id="executors">Executors</h2>
            <p><a href="/dashboard/executors"><span class="count">{activeExecutors}</span> active</a></p>
            </section>
            </div>
            <section aria-labelledby="newest">
            <h2 id="newest">Newest jobs</h2>
            {JobRows.Table(newest, "The ten newest jobs; statuses change as they happen", "data-live-insert data-page-size=\"10\"")}
            <p><a href="/dashboard/jobs">All jobs</a></p>
            </section>
            """;
    }
}
