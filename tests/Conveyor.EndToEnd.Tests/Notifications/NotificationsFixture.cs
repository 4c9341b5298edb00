using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>
/// A stack whose timings are small (retries after 100 ms, three tries, a 10 s request timeout), that may deliver to
/// loopback, and whose executor runs one job at a time (so that a job can be held pending); a webhook receiver and a
/// binary server beside it.
/// </summary>
public sealed class NotificationsFixture : IAsyncLifetime
{
    public const int MaxAttempts = 3;
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public ConveyorStack Stack { get; private set; } = null!;
    public BinaryServer Binaries { get; private set; } = null!;
    public WebhookReceiver Receiver { get; private set; } = null!;
    public JobApiClient Jobs { get; private set; } = null!;
    public WebhookApiClient Webhooks { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Binaries = await BinaryServer.Start();
        Receiver = await WebhookReceiver.Start();
        Stack = await ConveyorStack.Start(new Dictionary<string, string>
        {
            ["Webhooks__AllowLoopback"] = "true",
            ["Notifications__MaxAttempts"] = MaxAttempts.ToString(),
            ["Notifications__RetryBaseDelay"] = "00:00:00.100",
            ["Notifications__MaxRetryDelay"] = "00:00:05",
            ["Notifications__RequestTimeout"] = RequestTimeout.ToString(),
            ["Notifications__PollInterval"] = "00:00:00.100",
            ["Executor__Slots"] = "1",
        });
        Jobs = new JobApiClient(Stack.Api);
        Webhooks = new WebhookApiClient(Stack.Api);
    }

    /// <summary>Submits a trivial job of a type no other test uses, so that subscriptions filtered on it see only this test's jobs.</summary>
    public async Task<Guid> SubmitJob(string type, string script = "echo done")
    {
        var (url, sha256) = Binaries.AddScript($"{type}.sh", script);
        return await Jobs.Submit(new { type, binary_url = url, binary_sha256 = sha256, priority = "foreground" });
    }

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        await Receiver.DisposeAsync();
        await Binaries.DisposeAsync();
    }
}
