using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>
/// A stack with no queue executor: jobs wait until a test claims them over HTTP, so what is pending, running or done is
/// exactly what the tests did. One attempt per job (unless a job asks for more), so a claimed job left without heartbeats
/// fails rather than coming back; a short heartbeat timeout lets a test see an attempt declared lost.
/// </summary>
public sealed class ApiStackFixture : IAsyncLifetime
{
    public ConveyorStack Stack { get; private set; } = null!;
    public NativeApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stack = await ConveyorStack.Start(new ConveyorStackOptions
        {
            StartExecutor = false,
            Settings = new Dictionary<string, string>
            {
                ["Scheduler__DefaultMaxAttempts"] = "1",
                ["Scheduler__HeartbeatTimeout"] = "00:00:08",
                ["Scheduler__RetryBaseDelay"] = "00:00:00.200",
            },
        });
        Api = new NativeApi(Stack.Api);
    }

    public Task<long> Fingerprint() => Stack.Database.Scalar(NativeApi.FingerprintSql);

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}
