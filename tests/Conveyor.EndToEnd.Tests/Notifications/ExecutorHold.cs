namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>
/// A job that occupies the executor's only slot until released, so that jobs submitted meanwhile stay pending.
/// Released on dispose; the job then removes its release file itself.
/// </summary>
public sealed class ExecutorHold : IAsyncDisposable
{
    readonly string release = Path.Combine(Path.GetTempPath(), "conveyor-release-" + Guid.NewGuid().ToString("N"));

    ExecutorHold()
    {
    }

    public static async Task<ExecutorHold> Start(NotificationsFixture fixture)
    {
        var hold = new ExecutorHold();
        var blocker = await fixture.SubmitJob("executor-hold", $"while [ ! -e {hold.release} ]; do sleep 0.05; done; rm -f {hold.release}");
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while ((string?)(await fixture.Jobs.Get(blocker.ToString())).Body?["status"] != "running")
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"the holding job {blocker} never started");
            await Task.Delay(50);
        }
        return hold;
    }

    public ValueTask DisposeAsync()
    {
        File.WriteAllText(release, "");
        return ValueTask.CompletedTask;
    }
}
