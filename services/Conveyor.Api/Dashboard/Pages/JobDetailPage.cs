using Conveyor.Api.Queries;
using static Conveyor.Api.Dashboard.Html;

namespace Conveyor.Api.Dashboard.Pages;

/// <summary>
/// One job: what it is, what it asked for, its attempts in order, a pipeline's step results, its output (tailed live
/// while it runs) and the actions its status allows, each a form the page's script sends to the native API.
/// </summary>
public static class JobDetailPage
{
    public static string Render(JobDetails job)
    {
        var facts = new (string Term, string Value)[]
        {
            ("Id", $"<code>{job.Id}</code>"), ("Type", E(job.Type)), ("Kind", E(job.Kind)), ("Status", Status(job.Status)),
            ("Priority", E(job.Priority)), ("Executor", $"<span data-field=\"executor\">{E(job.ExecutorId)}</span>"),
            ("Created", Time(job.CreatedAt)), ("Started", $"<span data-field=\"started\">{Time(job.StartedAt)}</span>"),
            ("Ended", $"<span data-field=\"completed\">{Time(job.CompletedAt)}</span>"),
            ("Exit code", $"<span data-field=\"exit-code\">{job.ExitCode?.ToString() ?? "–"}</span>"),
            ("Error", $"<span data-field=\"error\">{E(job.Error ?? job.PendingReason)}</span>"),
        };
        var dl = string.Join("", facts.Select(f => $"<div><dt>{f.Term}</dt><dd>{f.Value}</dd></div>"));
        return $"""
            <div data-job-detail="{job.Id}">
            <dl class="facts">{dl}</dl>
            <section aria-labelledby="actions"><h2 id="actions">Actions</h2>
            <div class="actions">
            {Action("Stop", "POST", $"/api/v1/jobs/{job.Id}/stop", "running", job.Status, "Stop requested: the job ends once its executor has killed it.")}
            {Action("Cancel", "DELETE", $"/api/v1/jobs/{job.Id}", "pending", job.Status, "Cancelled.")}
            {Action("Retry", "POST", $"/api/v1/jobs/{job.Id}/retry", "failed", job.Status, "")}
            <p data-when="completed cancelled"{(job.Status is "completed" or "cancelled" ? "" : " hidden")}>The job has ended; nothing to do.</p>
            </div>
            </section>
            <section aria-labelledby="output"><h2 id="output">Output</h2>
            <h3 id="stdout-label">stdout</h3>
            <pre class="output" id="stdout" tabindex="0" aria-labelledby="stdout-label">{E(job.Stdout)}</pre>
            <h3 id="stderr-label">stderr</h3>
            <pre class="output" id="stderr" tabindex="0" aria-labelledby="stderr-label">{E(job.Stderr)}</pre>
            </section>
            {Steps(job)}
            <section aria-labelledby="attempts"><h2 id="attempts">Attempts</h2>{Attempts(job.Attempts)}</section>
            <section aria-labelledby="spec"><h2 id="spec">Definition</h2>{Spec(job)}</section>
            </div>
            """;
    }

    static string Action(string label, string method, string url, string when, string status, string done) => $"""
        <form method="post" action="{url}" data-api="{method}" data-done="{E(done)}" data-when="{when}"{(status == when ? "" : " hidden")}><button type="submit">{label}</button></form>
        """;

    static string Attempts(IReadOnlyList<AttemptDetails> attempts)
    {
        if (attempts.Count == 0)
            return "<p>No attempt yet.</p>";
        var items = attempts.Select(a =>
            $"<li><strong>Attempt {a.Number}</strong> {Badge(a.Status)} on <code>{E(a.ExecutorId ?? "–")}</code>"
            + $" from {Time(a.StartedAt)} to {Time(a.EndedAt)}"
            + (a.ExitCode is { } code ? $", exit code {code}" : "") + (a.Error is { } error ? $": {E(error)}" : "") + "</li>");
        return $"<ol class=\"timeline\">{string.Join("", items)}</ol>";
    }

    static string Steps(JobDetails job)
    {
        if (job.Steps.Count == 0)
            return "";
        var items = job.Steps.Select(s => $"""
            <li><h3>Step {s.Index + 1}: {E(s.Name)} ({E(s.Kind)}) {Badge(s.Status)}</h3>
            <p>{Time(s.StartedAt)} to {Time(s.EndedAt)}{(s.ExitCode is { } c ? $", exit code {c}" : "")}{(s.Error is { } e ? $": {E(e)}" : "")}</p>
            <pre class="output" tabindex="0">{E(s.Stdout)}</pre>{(s.Stderr.Length > 0 ? $"<pre class=\"output stderr\" tabindex=\"0\">{E(s.Stderr)}</pre>" : "")}</li>
            """);
        return $"""<section aria-labelledby="steps"><h2 id="steps">Pipeline steps</h2><ol class="steps">{string.Join("", items)}</ol></section>""";
    }

    static string Spec(JobDetails job)
    {
        var parts = new List<string>();
        if (job.BinaryUrl is not null)
            parts.Add($"<div><dt>Binary</dt><dd><code>{E(job.BinaryUrl)}</code></dd></div><div><dt>sha256</dt><dd><code>{E(job.BinarySha256)}</code></dd></div>");
        if (job.Arguments.Count > 0)
            parts.Add($"<div><dt>Arguments</dt><dd><code>{E(string.Join(" ", job.Arguments))}</code></dd></div>");
        if (job.Container is { } container)
            parts.Add($"<div><dt>Image</dt><dd><code>{E(container.Image)}</code></dd></div>"
                + (container.Cmd is { } cmd ? $"<div><dt>Command</dt><dd><code>{E(string.Join(" ", cmd))}</code></dd></div>" : ""));
        if (job.Pipeline is { } steps)
            parts.Add($"<div><dt>Pipeline</dt><dd>{E(string.Join(" → ", steps.Select(s => $"{s.Name} ({s.Kind})")))}</dd></div>");
        if (job.EnvVariables.Count > 0)
            parts.Add($"<div><dt>Environment</dt><dd><code>{E(string.Join(" ", job.EnvVariables.Select(v => $"{v.Key}={v.Value}")))}</code></dd></div>");
        return $"<dl class=\"facts\">{string.Join("", parts)}</dl>";
    }
}
