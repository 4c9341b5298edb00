using System.Net;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Nosana;

/// <summary>A Nosana client's view of the stack's jobs, as its signer: post, wait for the end, find the native job.</summary>
public sealed class NosanaJobs(StackFixture fixture, NosanaSigner signer)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    public const string Image = "conveyor/busybox:latest";

    public static string NewId() => "job" + Guid.NewGuid().ToString("N")[..16];

    public async Task Post(string id, string definition)
    {
        var (status, text) = await signer.Send(fixture.Stack.Api, HttpMethod.Post, $"/job-definition/{id}", definition);
        Assert.True(status == HttpStatusCode.OK, $"POST answered {(int)status}: {text}");
    }

    /// <summary>Jobs whose steps carry this Nosana id (every op's environment has NOSANA_ID).</summary>
    public Task<long> Stored(string id) =>
        fixture.Stack.Database.Scalar($"SELECT count(*) FROM jobs WHERE type = 'nosana' AND pipeline_steps::text LIKE '%{id}%'");

    public async Task<string> JobIdOf(string id) =>
        await fixture.Stack.Database.Text($"SELECT id::text FROM jobs WHERE type = 'nosana' AND pipeline_steps::text LIKE '%{id}%'")
        ?? throw new InvalidOperationException($"no native job for {id}");

    public async Task<JsonNode> WaitForEnd(string id)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var (status, text) = await signer.Send(fixture.Stack.Api, HttpMethod.Get, $"/job-definition/{id}");
            Assert.True(status == HttpStatusCode.OK, $"GET answered {(int)status}: {text}");
            var result = JsonNode.Parse(text)!;
            if ((string?)result["status"] is "success" or "failed" or "stopped")
                return result;
            Assert.True(DateTime.UtcNow < deadline, $"job {id} did not end: {text}");
            await Task.Delay(250);
        }
    }
}
