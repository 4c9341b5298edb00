using System.Text.Json.Nodes;
using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Nosana;

/// <summary>
/// The node's WebSocket streams on the API's port: a subscriber gets the job's history first, then what happens live,
/// and every refusal as the text frame the seed names.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class NosanaSocketTests(StackFixture fixture) : IDisposable
{
    const string Image = NosanaJobs.Image;
    readonly NosanaSigner owner = new();
    readonly NosanaSigner stranger = new();
    NosanaJobs Nosana => new(fixture, owner);

    [Fact]
    public async Task Should_replay_the_whole_state_history_of_an_ended_job_in_order()
    {
        var id = NosanaJobs.NewId();
        await Nosana.Post(id, $$$"""
            {"jobDefinition":{"version":"0.1","type":"container","global":{"image":"{{{Image}}}"},"ops":[
               {"type":"container/run","id":"first","args":{"cmd":"echo one"}},
               {"type":"container/run","id":"second","args":{"cmd":"echo two >&2"}}]}}
            """);
        await Nosana.WaitForEnd(id);
        await using var socket = await NosanaSocketClient.Connect(fixture.Stack.Api.BaseAddress!);

        await socket.Subscribe("/status", owner.Header(), id, owner.Address);
        var states = new List<JsonNode>();
        for (var i = 0; i < 7; i++)
            states.Add(await socket.ReceiveData("state"));
        await socket.Subscribe("/log", owner.Header(), id, owner.Address);
        var logs = new[] { await socket.ReceiveData("log"), await socket.ReceiveData("log") };

        Assert.Equal(["job-received", "flow-running", "op-running", "op-success", "op-running", "op-success", "flow-success"],
            states.Select(s => (string)s["status"]!));
        Assert.Equal(Enumerable.Range(0, 7), states.Select(s => (int)s["index"]!));
        Assert.Equal(["first", "first", "second", "second"], states.Skip(2).Take(4).Select(s => (string)s["state"]!["operationId"]!));
        Assert.True(states.Zip(states.Skip(1)).All(pair => (long)pair.First["timestamp"]! <= (long)pair.Second["timestamp"]!));
        Assert.Equal([("one", "stdout", "first"), ("two", "stderr", "second")],
            logs.Select(l => ((string)l["log"]!, (string)l["type"]!, (string)l["payload"]!["operationId"]!)));
        Assert.All(logs, l => Assert.Equal((id, "container/run"), ((string?)l["job"], (string?)l["method"])));
    }

    [Fact]
    public async Task Should_replay_the_lines_so_far_of_a_running_job_then_stream_the_rest_live()
    {
        var id = NosanaJobs.NewId();
        await Nosana.Post(id, $$$"""
            {"jobDefinition":{"version":"0.1","type":"container","ops":[
               {"type":"container/run","id":"slow","args":{"image":"{{{Image}}}","cmd":"echo before; sleep 4; echo after"}}]}}
            """);
        await LocalDocker.WaitForContainer($"conveyor.job={await Nosana.JobIdOf(id)}", NosanaJobs.Patience);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var logs = await NosanaSocketClient.Connect(fixture.Stack.Api.BaseAddress!);
        await using var states = await NosanaSocketClient.Connect(fixture.Stack.Api.BaseAddress!);

        await logs.Subscribe("/log", owner.Header(), id, owner.Address);
        await states.Subscribe("/status", owner.Header(), id, owner.Address);
        var history = new[] { await states.ReceiveData("state"), await states.ReceiveData("state") };
        var replayed = await logs.ReceiveData("log");
        var live = await logs.ReceiveData("log");
        var later = new[] { await states.ReceiveData("state"), await states.ReceiveData("state"), await states.ReceiveData("state") };

        Assert.Equal(["job-received", "flow-running"], history.Select(s => (string)s["status"]!));
        Assert.Equal(("before", "after"), ((string)replayed["log"]!, (string)live["log"]!));
        Assert.Equal(("slow", "slow"), ((string?)replayed["payload"]?["operationId"], (string?)live["payload"]?["operationId"]));
        Assert.Equal(["op-running", "op-success", "flow-success"], later.Select(s => (string)s["status"]!));
        Assert.Equal([2, 3, 4], later.Select(s => (int)s["index"]!));
    }

    [Fact]
    public async Task Should_answer_each_bad_subscription_with_the_seeds_error_frame()
    {
        var id = NosanaJobs.NewId();
        await Nosana.Post(id, $$$"""{"jobDefinition":{"version":"0.1","type":"container","ops":[{"type":"container/run","id":"a","args":{"image":"{{{Image}}}","cmd":"true"}}]}}""");
        await using var socket = await NosanaSocketClient.Connect(fixture.Stack.Api.BaseAddress!);
        var forged = owner.Header("another message");
        var cases = new (Func<Task> Send, string Error)[]
        {
            (() => socket.Subscribe("/status", forged, id, owner.Address), "Invalid signature"),
            (() => socket.Subscribe("/log", owner.Header()[..^6], id, owner.Address), "Invalid signature"),
            (() => socket.Subscribe("/log", "", id, owner.Address), "Invalid signature"),
            (() => socket.Subscribe("/status", stranger.Header(), id, stranger.Address), "Invalid address"),
            (() => socket.Subscribe("/status", stranger.Header(), id, owner.Address), "Invalid address"),
            (() => socket.Subscribe("/status", owner.Header(), NosanaJobs.NewId(), owner.Address), "Invalid job params"),
            (() => socket.Subscribe("/status", owner.Header(), "", owner.Address), "Invalid job params"),
            (() => socket.Subscribe("/other", owner.Header(), id, owner.Address), "Invalid job params"),
            (() => socket.Send("not json"), "Invalid job params"),
        };

        foreach (var (send, error) in cases)
        {
            await send();
            Assert.Equal(error, await socket.Receive());
        }
    }

    public void Dispose()
    {
        owner.Dispose();
        stranger.Dispose();
    }
}
