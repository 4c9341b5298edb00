using Conveyor.Api.Submissions;
using static Conveyor.Api.Dashboard.Html;

namespace Conveyor.Api.Dashboard.Pages;

/// <summary>
/// Failed jobs not retried yet, grouped by their error: how many, of which types, the newest few; a retry of the whole
/// group (the API's set retry, by exact error) or of one job.
/// </summary>
public static class FailedPage
{
    const int ShownPerGroup = 5;

    public static string Render(IReadOnlyList<JobRetries.FailedJob> failed, string? type, int scanned)
    {
        var groups = failed.GroupBy(f => f.Error ?? "").OrderByDescending(g => g.Count()).ToList();
        var sections = string.Join("\n", groups.Select((group, index) =>
        {
            var body = System.Text.Json.JsonSerializer.Serialize(new { error = group.Key, type });
            var jobs = string.Join("", group.Take(ShownPerGroup).Select(job => $"""
                <li><a href="/dashboard/jobs/{job.Id}"><code>{job.Id}</code></a> {E(job.Type)}, failed {Time(job.FailedAt?.UtcDateTime)}
                <form class="inline" method="post" action="/api/v1/jobs/{job.Id}/retry" data-api="POST"><button type="submit" aria-label="Retry job {job.Id}">Retry</button></form></li>
                """));
            var types = string.Join(", ", group.Select(g => g.Type).Distinct().Take(5).Select(E));
            return $"""
                <section class="failure" aria-labelledby="failure-{index}">
                <h2 id="failure-{index}">{group.Count()} × {E(group.Key.Length == 0 ? "(no error recorded)" : group.Key)}</h2>
                <p>Types: {types}</p>
                <form method="post" action="/api/v1/jobs/retry" data-api="POST" data-body="{E(body)}"><button type="submit">Retry all {group.Count()}</button></form>
                <ul>{jobs}</ul>
                </section>
                """;
        }));
        var note = failed.Count >= scanned ? $"<p>Showing the newest {scanned} failed jobs not yet retried.</p>" : "";
        return $"""
            <form class="filters" method="get" action="/dashboard/failed" role="search" aria-label="Filter failed jobs">
            <label>Type <input name="type" value="{E(type)}" maxlength="200"></label>
            <button type="submit">Filter</button>
            </form>
            {note}
            {(groups.Count == 0 ? "<p>No failed job waits for a retry.</p>" : sections)}
            """;
    }
}
