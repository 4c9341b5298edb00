using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// A Nosana job's result as the node reports it, read from the shared jobs table: the flow's status and times, and one
/// state per op with its logs and the matches of its result regexes. Times are epoch milliseconds.
/// </summary>
public sealed class NosanaResults(IDbContextFactory<ConveyorDbContext> contexts)
{
    public sealed record Found(string? Owner, JsonObject Result);

    public async Task<Found?> Find(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await db.Jobs.AsNoTracking().Where(j => j.CorrelationId == jobId && j.Type == NosanaEndpoints.JobType)
            .Select(j => new { j.Owner, j.CurrentState, j.CreatedAt, j.StartedAt, j.CompletedAt, j.Error, j.PipelineSteps, j.StepResults })
            .SingleOrDefaultAsync(cancellationToken);
        if (job is null)
            return null;
        var running = job.CurrentState is JobStates.Running or JobStates.Stopping;
        var results = job.StepResults.ToDictionary(r => r.Index);
        var opStates = new JsonArray();
        for (var i = 0; i < job.PipelineSteps.Count; i++)
            opStates.Add(OpState(job.PipelineSteps[i], results.GetValueOrDefault(i), running && i == results.Count, job.StartedAt));
        var body = new JsonObject
        {
            ["status"] = Status(job.CurrentState),
            ["startTime"] = Millis(job.StartedAt ?? job.CreatedAt),
            ["endTime"] = job.CompletedAt is { } end ? Millis(end) : null,
            ["opStates"] = opStates,
        };
        if (job.CurrentState == JobStates.Failed && job.Error is { } error)
            body["errors"] = new JsonArray(error);
        return new Found(job.Owner, body);
    }

    static JsonObject OpState(PipelineStep step, StepResult? result, bool current, DateTimeOffset? jobStarted)
    {
        var logs = new JsonArray();
        if (result is not null)
        {
            foreach (var line in Lines(result.Stdout))
                logs.Add(new JsonObject { ["type"] = "stdout", ["log"] = line });
            foreach (var line in Lines(result.Stderr))
                logs.Add(new JsonObject { ["type"] = "stderr", ["log"] = line });
        }
        var state = new JsonObject
        {
            ["operationId"] = step.Name,
            ["status"] = result is null ? current ? "running" : "pending" : result.Status == "completed" ? "success" : "failed",
            ["startTime"] = result is not null ? Millis(result.StartedAt) : current && jobStarted is { } started ? Millis(started) : null,
            ["endTime"] = result is not null ? Millis(result.EndedAt) : null,
            ["exitCode"] = result?.ExitCode,
            ["logs"] = logs,
        };
        if (step.ResultPatterns is { Count: > 0 } patterns && result is not null)
            state["results"] = Matches(patterns, result);
        return state;
    }

    /// <summary>Each named regex's matches over the output lines: the first group when it has one, else the match.</summary>
    static JsonObject Matches(IReadOnlyDictionary<string, string> patterns, StepResult result)
    {
        var lines = Lines(result.Stdout).Concat(Lines(result.Stderr)).ToList();
        var found = new JsonObject();
        foreach (var (name, pattern) in patterns)
        {
            var regex = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(200));
            var values = new JsonArray();
            foreach (var line in lines)
            {
                try
                {
                    if (regex.Match(line) is { Success: true } match)
                        values.Add(match.Groups.Count > 1 ? match.Groups[1].Value : match.Value);
                }
                catch (RegexMatchTimeoutException)
                {
                    // A pattern that takes this long on one line matches nothing there.
                }
            }
            found[name] = values;
        }
        return found;
    }

    /// <summary>Nosana's flow statuses: init (not started), running, success, failed, stopped.</summary>
    static string Status(string state) => state switch
    {
        JobStates.Running or JobStates.Stopping => "running",
        JobStates.Completed => "success",
        JobStates.Failed => "failed",
        JobStates.Cancelled => "stopped",
        _ => "init",
    };

    /// <summary>An output's non-empty lines, as the node lists them.</summary>
    public static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);

    static long Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
}
