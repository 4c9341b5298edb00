using Conveyor.Api.Security;
using static Conveyor.Api.Dashboard.Html;

namespace Conveyor.Api.Dashboard;

/// <summary>The page around every view: navigation first (with a skip link), the view in <c>main</c>, one stylesheet and one script.</summary>
public static class DashboardLayout
{
    static readonly (string Path, string Label)[] Navigation =
    [
        ("/dashboard/", "Overview"), ("/dashboard/jobs", "Jobs"), ("/dashboard/failed", "Failed"), ("/dashboard/executors", "Executors"),
    ];

    public static IResult Page(string title, string current, ApiCaller? caller, string body, int status = StatusCodes.Status200OK)
    {
        var nav = string.Join("", Navigation.Select(n =>
            $"<li><a href=\"{n.Path}\"{(n.Path == current ? " aria-current=\"page\"" : "")}>{n.Label}</a></li>"));
        var who = caller is null ? ""
            : $"""<li class="who">{E(caller.Name ?? "local admin")} ({E(caller.Role.ToString().ToLowerInvariant())})</li>""";
        var signOut = caller?.Name is null ? ""
            : """<li><form method="post" action="/dashboard/logout"><button type="submit">Sign out</button></form></li>""";
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · Conveyor</title>
            <link rel="stylesheet" href="/dashboard/assets/dashboard.css">
            <script src="/dashboard/assets/dashboard.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header>
            <nav aria-label="Dashboard"><ul><li class="brand">Conveyor</li>{nav}{who}{signOut}</ul></nav>
            </header>
            <main id="main" tabindex="-1">
            <h1>{E(title)}</h1>
            <p id="flash" role="status" aria-live="polite"></p>
            {body}
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
