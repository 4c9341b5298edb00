using Conveyor.Api.Queries;
using static Conveyor.Api.Dashboard.Html;

namespace Conveyor.Api.Dashboard.Pages;

/// <summary>Every executor the registry knows: profile, slots in use, running attempts, last heartbeat; lost and stopped ones greyed out.</summary>
public static class ExecutorsPage
{
    public static string Render(IReadOnlyList<ExecutorDetails> executors)
    {
        var rows = string.Join("\n", executors.Select(x =>
        {
            var gone = x.Status is "lost" or "stopped";
            var running = x.RunningAttempts.Count == 0 ? "none"
                : string.Join(", ", x.RunningAttempts.Select(a => $"<a href=\"/dashboard/jobs/{a.JobId}\"><code>{a.JobId}</code></a>"));
            var profile = $"{E(x.Profile.Hostname)} · {E(x.Profile.Address)} · {x.Profile.Cores} cores · {E(x.Profile.MemoryMb)} MB"
                + (x.Profile.Gpus.Count > 0 ? $" · {x.Profile.Gpus.Count} GPU" : "") + $" · {E(string.Join(", ", x.Profile.Runtimes))}";
            return $"""
                <tr class="{(gone ? "gone" : "")}" data-executor-id="{E(x.ExecutorId)}"><th scope="row"><code>{E(x.ExecutorId)}</code></th><td>{Badge(x.Status)}</td><td>{E(x.Pool)}</td><td>{x.Slots - x.FreeSlots} of {x.Slots}</td><td>{running}</td><td>{Time(x.LastHeartbeat)}</td><td>{E(x.JobsCompleted)} / {E(x.JobsFailed)}</td><td>{profile}</td></tr>
                """;
        }));
        if (executors.Count == 0)
            rows = "<tr><td colspan=\"8\">No executor has registered.</td></tr>";
        return $"""
            <div class="table-scroll"><table class="executors">
            <caption>Executors; lost and stopped ones are greyed out</caption>
            <thead><tr><th scope="col">Executor</th><th scope="col">Status</th><th scope="col">Pool</th><th scope="col">Slots used</th><th scope="col">Running</th><th scope="col">Last heartbeat (UTC)</th><th scope="col">Completed / failed</th><th scope="col">Profile</th></tr></thead>
            <tbody>
            {rows}
            </tbody>
            </table></div>
            """;
    }
}
