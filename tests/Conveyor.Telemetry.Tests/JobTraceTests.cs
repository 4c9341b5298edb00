using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Conveyor.Telemetry.Tests;

/// <summary>
/// One job's path through all four services is one trace: the API's POST, the scheduler's saga, the executor's work and
/// the notifications service's record of the job's completion (for a subscription to it: without one, the broker routes
/// no event to notifications). Each hop crosses RabbitMQ, and two of them (the work and
/// the completion event) leave the scheduler through its transactional outbox, so the trace breaks if any hop drops it.
/// </summary>
public sealed class JobTraceTests : IAsyncLifetime
{
    InProcessStack stack = null!;

    public async Task InitializeAsync() => stack = await InProcessStack.Start();

    public async Task DisposeAsync() => await stack.DisposeAsync();

    [Fact]
    public async Task Should_put_every_services_spans_of_a_job_in_the_trace_of_its_submission()
    {
        var subscribed = await stack.Api.PostAsJsonAsync("/api/v1/subscriptions",
            new { url = "http://127.0.0.1:9/traced", events = new[] { "completed" }, job_type = "traced" });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var response = await stack.Api.PostAsJsonAsync("/api/v1/jobs", new
        {
            type = "traced",
            kind = "container",
            image = "conveyor/busybox:latest",
            entrypoint = new[] { "sh", "-c" },
            cmd = new[] { "echo traced" },
            priority = "foreground",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        Assert.Equal("completed", await WaitForTerminal(id));

        var submit = await Span(s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server
            && s.GetTagItem("http.request.method") as string == "POST" && s.GetTagItem("http.route") as string == "/api/v1/jobs");
        var trace = submit.TraceId;

        // Submissions reach the scheduler in batches; each job's submit transition is a span of its own in the job's trace.
        var scheduler = await Span(s => InTrace(s, trace) && s.Source.Name == "Conveyor.Sagas" && s.DisplayName == "JobLifecycleState SubmitJob");
        var executor = await Span(s => InTrace(s, trace) && IsConsume(s, "execute-job-cpu", "ExecuteJob"));
        var completion = await Span(s => InTrace(s, trace) && IsConsume(s, "job-lifecycle-state", "AttemptCompleted"));
        var notifications = await Span(s => InTrace(s, trace) && IsConsume(s, "webhook-events", "JobCompleted"));
        var outbox = await Span(s => InTrace(s, trace) && s.Source.Name == "Conveyor.Outbox");

        Assert.All([scheduler, executor, completion, notifications, outbox], s => Assert.Equal(trace, s.TraceId));
    }

    static bool InTrace(Activity span, ActivityTraceId trace) => span.TraceId == trace;

    /// <summary>MassTransit's receive span on a service's queue, for one message type (the consume spans under it carry the type).</summary>
    static bool IsConsume(Activity span, string queue, string messageType) =>
        span.Source.Name == "MassTransit" && span.Kind == ActivityKind.Consumer
        && span.Tags.Any(t => t.Value is { } v && v.Contains(queue, StringComparison.Ordinal))
        && span.Tags.Any(t => t.Value is { } v && v.Contains(messageType, StringComparison.Ordinal));

    /// <summary>The first exported span that matches; spans are exported when they end, so it may take a moment.</summary>
    async Task<Activity> Span(Func<Activity, bool> matches)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (stack.Spans.Distinct().FirstOrDefault(matches) is { } span)
                return span;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("no such span among:\n" + string.Join("\n", stack.Spans.Distinct().Select(Describe)));
    }

    static string Describe(Activity s) =>
        $"{s.TraceId} {s.Source.Name} {s.Kind} '{s.DisplayName}' " + string.Join(" ", s.Tags.Select(t => $"{t.Key}={t.Value}"));

    async Task<string?> WaitForTerminal(Guid id)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        string? status = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var job = JsonNode.Parse(await stack.Api.GetStringAsync($"/api/v1/jobs/{id}"));
            status = job?["status"]?.GetValue<string>();
            if (status is "completed" or "failed" or "cancelled")
                return status;
            await Task.Delay(250);
        }
        return status;
    }
}
