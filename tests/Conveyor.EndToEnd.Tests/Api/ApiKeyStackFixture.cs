using System.Security.Cryptography;
using System.Text;
using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>
/// A stack whose API is configured with keys (given to it as sha256 hashes only): an admin, two clients and an executor;
/// and a webhook receiver on loopback.
/// </summary>
public sealed class ApiKeyStackFixture : IAsyncLifetime
{
    public const string AdminKey = "admin-key-0f6c1d";
    public const string AliceKey = "alice-key-93be2a";
    public const string BobKey = "bob-key-51d7c4";
    public const string ExecutorKey = "executor-key-7a0e9b";

    public ConveyorStack Stack { get; private set; } = null!;
    public NativeApi Api { get; private set; } = null!;
    public Notifications.WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await Notifications.WebhookReceiver.Start();
        var keys = new (string Name, string Key, string Role)[]
        {
            ("ops", AdminKey, "Admin"), ("alice", AliceKey, "Client"), ("bob", BobKey, "Client"), ("worker", ExecutorKey, "Executor"),
        };
        var api = Infernet.InfernetTestContainers.Settings();
        for (var i = 0; i < keys.Length; i++)
        {
            api[$"Api__Keys__{i}__Name"] = keys[i].Name;
            api[$"Api__Keys__{i}__Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(keys[i].Key)));
            api[$"Api__Keys__{i}__Role"] = keys[i].Role;
        }
        Stack = await ConveyorStack.Start(new ConveyorStackOptions
        {
            StartExecutor = false,
            Settings = new Dictionary<string, string> { ["Webhooks__AllowLoopback"] = "true", ["Notifications__PollInterval"] = "00:00:00.100" },
            Environment = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["Conveyor.Api"] = api },
        });
        Api = new NativeApi(Stack.Api);
    }

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
