using System.Net;
using System.Net.Http.Json;
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
            // Live status events stop being routed to an API instance a second after its last stream ends (30 s by default).
            ["Streams__UnbindAfter"] = "00:00:01",
        });
        Jobs = new JobApiClient(Stack.Api);
        Webhooks = new WebhookApiClient(Stack.Api);
        await WarmUp();
    }

    // A fresh stack on a busy machine can take longer than the API's 30 s to confirm its very first job, and its first
    // webhook waits for a cold HTTP stack; one job and one delivery through every service first keep that start-up cost
    // out of the tests' own timings.
    async Task WarmUp()
    {
        var hook = Receiver.Add("warm-up");
        var subscription = await Webhooks.Subscribe(new { url = hook.Url, events = new[] { "completed" }, job_type = "warm-up" });
        var (url, sha256) = Binaries.AddScript("warm-up.sh", "echo warm");
        for (var attempt = 1; ; attempt++)
        {
            var response = await Stack.Api.PostAsJsonAsync("/api/v1/jobs", new { type = "warm-up", binary_url = url, binary_sha256 = sha256, priority = "foreground" });
            if (response.StatusCode == HttpStatusCode.Created)
                break;
            if (attempt == 3)
                throw new InvalidOperationException($"the stack did not take a job: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        await hook.WaitFor(requests => requests.Count >= 1, TimeSpan.FromSeconds(120));
        await Webhooks.Send(HttpMethod.Delete, $"/api/v1/subscriptions/{subscription["id"]}");
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
