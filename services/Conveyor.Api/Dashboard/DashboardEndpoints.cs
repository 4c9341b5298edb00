using Conveyor.Api.Dashboard.Pages;
using Conveyor.Api.Http;
using Conveyor.Api.Queries;
using Conveyor.Api.Security;
using Conveyor.Api.Submissions;
using Conveyor.Messaging;
using Conveyor.Persistence.Jobs;
using Microsoft.Extensions.Options;

namespace Conveyor.Api.Dashboard;

/// <summary>
/// The operators' dashboard at <c>/dashboard/</c>: pages rendered here from the same queries the API answers with, so
/// that the lists work without script; a small script (<c>assets/dashboard.js</c>) makes them live through the API's
/// own streams and sends the buttons to the API. Every page needs the caller <see cref="DashboardSession"/> finds.
/// </summary>
public static class DashboardEndpoints
{
    const int FailedScanned = 5000;

    public static WebApplication MapDashboard(this WebApplication app)
    {
        var dashboard = app.MapGroup("/dashboard");
        dashboard.MapGet("/", Overview);
        dashboard.MapGet("/jobs", Jobs);
        dashboard.MapGet("/jobs/{id}", Job);
        dashboard.MapGet("/executors", Executors);
        dashboard.MapGet("/failed", Failed);
        dashboard.MapGet("/counts", Counts);
        dashboard.MapGet("/login", LoginForm);
        dashboard.MapPost("/login", Login);
        dashboard.MapPost("/logout", Logout);
        dashboard.MapGet("/assets/{name}", DashboardAssets.Serve);
        return app;
    }

    static async Task<IResult> Overview(HttpContext context, DashboardSession session, DashboardQueries queries, JobListQueries list,
        ExecutorQueries executors, IOptions<DashboardOptions> options, IOptions<RabbitMqOptions> rabbit, CancellationToken cancellationToken)
    {
        if (session.Caller(context) is not { } caller)
            return SignInFirst(context);
        var overview = queries.Get(caller.OwnerScope, cancellationToken);
        var newest = list.List(new JobFilter { Limit = 10, Owner = caller.OwnerScope }, cancellationToken);
        var active = executors.List(all: false, cancellationToken);
        await Task.WhenAll(overview, newest, active);
        var queueLinks = $"{options.Value.RabbitMqManagementUrl.TrimEnd('/')}/#/queues/{Uri.EscapeDataString(rabbit.Value.VirtualHost)}/";
        return DashboardLayout.Page("Overview", "/dashboard/", caller, OverviewPage.Render(await overview, await newest, (await active).Count,
            [.. (await active).Select(x => x.Pool).Distinct()], queueLinks));
    }

    static async Task<IResult> Jobs(HttpContext context, DashboardSession session, JobListQueries list, CancellationToken cancellationToken)
    {
        if (session.Caller(context) is not { } caller)
            return SignInFirst(context);
        if (!JobFilterQuery.TryParse(context.Request, out var filter, out _) || !TryPage(context.Request, out var page))
        {
            return DashboardLayout.Page("Jobs", "/dashboard/jobs", caller,
                "<p class=\"error\" role=\"alert\">These filters are not valid: status must be pending, running, completed, failed or cancelled, "
                + "priority foreground, background or best_effort, and page a number from 1.</p><p><a href=\"/dashboard/jobs\">All jobs</a></p>",
                StatusCodes.Status400BadRequest);
        }
        var jobs = await list.List(new JobFilter
        {
            Status = filter.Status, Type = filter.Type, Priority = filter.Priority, Owner = caller.OwnerScope,
            Offset = (page - 1) * JobListPage.PageSize, Limit = JobListPage.PageSize + 1,
        }, cancellationToken);
        var body = JobListPage.Render(filter, page, jobs.Take(JobListPage.PageSize).ToList(), jobs.Count > JobListPage.PageSize);
        return DashboardLayout.Page("Jobs", "/dashboard/jobs", caller, body);
    }

    static async Task<IResult> Job(string id, HttpContext context, DashboardSession session, JobQueries jobs, JobOwnership ownership,
        CancellationToken cancellationToken)
    {
        if (session.Caller(context) is not { } caller)
            return SignInFirst(context);
        if (!Guid.TryParse(id, out var jobId) || !await ownership.CanSee(jobId, caller, cancellationToken)
            || await jobs.GetDetails(jobId, cancellationToken) is not { } job)
            return DashboardLayout.Page("Job not found", "", caller, "<p>There is no such job, or it is not yours.</p>", StatusCodes.Status404NotFound);
        return DashboardLayout.Page($"Job {job.Id}", "", caller, JobDetailPage.Render(job));
    }

    static async Task<IResult> Executors(HttpContext context, DashboardSession session, ExecutorQueries executors, CancellationToken cancellationToken)
    {
        if (session.Caller(context) is not { } caller)
            return SignInFirst(context);
        var all = await executors.List(all: true, cancellationToken);
        return DashboardLayout.Page("Executors", "/dashboard/executors", caller, ExecutorsPage.Render(all));
    }

    static async Task<IResult> Failed(HttpContext context, DashboardSession session, JobRetries retries, CancellationToken cancellationToken)
    {
        if (session.Caller(context) is not { } caller)
            return SignInFirst(context);
        var type = context.Request.Query["type"].ToString() is { Length: > 0 } given ? given : null;
        var failed = await retries.Unretried(caller.OwnerScope, type, null, FailedScanned, cancellationToken);
        return DashboardLayout.Page("Failed jobs", "/dashboard/failed", caller, FailedPage.Render(failed, type, FailedScanned));
    }

    /// <summary>The status counts the overview's tiles show, for the script to refresh them as jobs move.</summary>
    static async Task<IResult> Counts(HttpContext context, DashboardSession session, DashboardQueries queries, CancellationToken cancellationToken)
    {
        if (session.Caller(context) is not { } caller)
            return Results.Unauthorized();
        var counts = await queries.CountAll(caller.OwnerScope, cancellationToken);
        return Results.Json(PublicStatus.All.ToDictionary(s => s, s => counts.Where(c => c.Status == s).Sum(c => c.Count)));
    }

    static IResult LoginForm(HttpContext context, DashboardSession session) =>
        DashboardLayout.Page("Sign in", "", null, LoginPage.Render(context.Request.Query["return"], null));

    static async Task<IResult> Login(HttpContext context, DashboardSession session)
    {
        if (!context.Request.HasFormContentType)
            return DashboardLayout.Page("Sign in", "", null, LoginPage.Render(null, "Sign in with the form: the key is sent as a form field."),
                StatusCodes.Status400BadRequest);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnTo = form["return"].ToString();
        if (session.SignIn(context, form["key"].ToString()) is null)
            return DashboardLayout.Page("Sign in", "", null,
                LoginPage.Render(returnTo, "That key is not known, or is an executor's key."), StatusCodes.Status401Unauthorized);
        // Only back into the dashboard: never a redirect to anywhere a crafted link names.
        return Results.Redirect(returnTo.StartsWith("/dashboard/", StringComparison.Ordinal) && !returnTo.StartsWith("/dashboard//", StringComparison.Ordinal)
            ? returnTo : "/dashboard/");
    }

    static IResult Logout(HttpContext context)
    {
        DashboardSession.SignOut(context);
        return Results.Redirect("/dashboard/login");
    }

    static IResult SignInFirst(HttpContext context) =>
        Results.Redirect("/dashboard/login?return=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));

    static bool TryPage(HttpRequest request, out int page)
    {
        page = 1;
        var text = request.Query["page"].ToString();
        return text.Length == 0 || (int.TryParse(text, out page) && page is >= 1 and <= 100_000);
    }
}
