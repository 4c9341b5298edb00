using Conveyor.Api.Http;
using Conveyor.Api.Queries;
using Conveyor.Persistence.Jobs;
using static Conveyor.Api.Dashboard.Html;

namespace Conveyor.Api.Dashboard.Pages;

/// <summary>The job list: the API's filters as a form that works without script, pages of <see cref="PageSize"/>, newest first.</summary>
public static class JobListPage
{
    public const int PageSize = 50;

    public static string Render(JobFilterQuery filter, int page, IReadOnlyList<JobSummary> jobs, bool hasNext)
    {
        string Option(string value, string? selected, string label) =>
            $"<option value=\"{E(value)}\"{(value == (selected ?? "") ? " selected" : "")}>{E(label)}</option>";
        var statuses = Option("", filter.Status, "any") + string.Join("", PublicStatus.All.Select(s => Option(s, filter.Status, s)));
        var priority = filter.Priority is { } p ? JobPriorityNames.Of(p) : null;
        var priorities = Option("", priority, "any") + string.Join("", new[] { "foreground", "background", "best_effort" }.Select(s => Option(s, priority, s)));
        (string, string?)[] query = [("status", filter.Status), ("type", filter.Type), ("priority", priority)];
        var pager = new List<string>();
        if (page > 1)
            pager.Add($"""<a rel="prev" href="{E(Url("/dashboard/jobs", [.. query, ("page", (page - 1).ToString())]))}">Newer</a>""");
        pager.Add($"<span>Page {page}</span>");
        if (hasNext)
            pager.Add($"""<a rel="next" href="{E(Url("/dashboard/jobs", [.. query, ("page", (page + 1).ToString())]))}">Older</a>""");
        // Only the first page gains new jobs as they are submitted; the filters tell the script which ones belong here.
        var live = $"data-filter-status=\"{E(filter.Status)}\" data-filter-type=\"{E(filter.Type)}\" data-filter-priority=\"{E(priority)}\""
            + (page == 1 ? $" data-live-insert data-page-size=\"{PageSize}\"" : "");
        return $"""
            <form class="filters" method="get" action="/dashboard/jobs" role="search" aria-label="Filter jobs">
            <label>Status <select name="status">{statuses}</select></label>
            <label>Type <input name="type" value="{E(filter.Type)}" maxlength="200"></label>
            <label>Priority <select name="priority">{priorities}</select></label>
            <button type="submit">Filter</button>
            </form>
            {JobRows.Table(jobs, $"Jobs, newest first, page {page}", live)}
            <nav class="pager" aria-label="Pages">{string.Join(" ", pager)}</nav>
            """;
    }
}
