using System.Net;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Infernet;

/// <summary>
/// Seed 001, Infernet's node API, against the running stack: its exact answers, and container chains run as pipelines
/// on the real Docker engine through the same saga and executors as native jobs.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class InfernetApiTests(StackFixture fixture)
{
    InfernetClient Infernet => new(fixture.Stack.Api);

    [Fact]
    public async Task Should_answer_health_and_list_the_configured_containers_in_info()
    {
        var (healthStatus, health) = await Infernet.Get("/health");
        var (infoStatus, info) = await Infernet.Get("/info");

        Assert.Equal(HttpStatusCode.OK, healthStatus);
        Assert.Equal("""{"status":"healthy"}""", health!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, infoStatus);
        var containers = info!["containers"]!.AsArray();
        Assert.Equal(["echo", "echo2", "wrap", "fail", "text", "internal", "restricted"], containers.Select(c => (string)c!["id"]!));
        var internalOne = containers.Single(c => (string?)c!["id"] == "internal")!;
        Assert.False((bool)internalOne["external"]!);
        Assert.Equal(InfernetTestContainers.Image, (string?)internalOne["image"]);
        Assert.Equal("test container internal", (string?)internalOne["description"]);
        Assert.True((long)info["pending"]!["offchain"]! >= 0);
        Assert.Equal(0, (long)info["pending"]!["onchain"]!);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { """{"containers":[],"data":{}}""", """{"error":"No containers specified"}""" },
        { """{"data":{}}""", """{"error":"No containers specified"}""" },
        { """{"containers":["echo","nope"],"data":{}}""", """{"error":"Container not supported","params":{"container":"nope"}}""" },
        { """{"containers":["internal","echo"],"data":{}}""", """{"error":"First container must be external","params":{"first_container":"internal"}}""" },
        { """{"containers":["echo","restricted"],"data":{}}""", """{"error":"Container not allowed for address","params":{"container":"restricted","address":"127.0.0.1"}}""" },
        // The rules apply in Infernet's order: an unknown container is named before a first container that is internal.
        { """{"containers":["internal","nope"],"data":{}}""", """{"error":"Container not supported","params":{"container":"nope"}}""" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Should_refuse_a_job_by_infernets_rules_with_its_exact_error_and_store_nothing(string request, string expected)
    {
        var before = await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs");

        var (status, body) = await Infernet.Send(HttpMethod.Post, "/api/jobs", request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(expected, body!.ToJsonString());
        Assert.Equal(before, await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs"));
    }

    [Fact]
    public async Task Should_run_a_chain_of_three_containers_passing_each_output_on_and_keep_the_intermediate_results()
    {
        var id = await Infernet.Create(["echo", "wrap", "echo2"], new { prompt = "hi", n = 2 });

        // Readable at once, before it has run.
        var (_, early) = await Infernet.Get($"/api/jobs?id={id}");
        Assert.Equal(id.ToString(), (string?)Assert.Single(early!.AsArray())!["id"]);

        var result = await Infernet.WaitForResult(id, intermediate: true);
        var plain = await Infernet.WaitForResult(id);

        Assert.Equal("success", (string?)result["status"]);
        Assert.Equal("""{"container":"echo2","output":{"wrapped":{"prompt":"hi","n":2}}}""", result["result"]!.ToJsonString());
        Assert.Equal("""[{"container":"echo","output":{"prompt":"hi","n":2}},{"container":"wrap","output":{"wrapped":{"prompt":"hi","n":2}}}]""",
            result["intermediate_results"]!.ToJsonString());
        Assert.False(plain.AsObject().ContainsKey("intermediate_results"));
        // A job like any other: the native API shows it as a pipeline of three container steps.
        var native = await fixture.Jobs.WaitForTerminal(id);
        Assert.Equal(("completed", "pipeline", 3), ((string?)native["status"], (string?)native["kind"], native["steps"]!.AsArray().Count));
    }

    [Fact]
    public async Task Should_stop_the_chain_at_a_failing_middle_container_and_name_it()
    {
        var id = await Infernet.Create(["echo", "fail", "echo2"], new { x = 1 });

        var result = await Infernet.WaitForResult(id, intermediate: true);

        Assert.Equal("failed", (string?)result["status"]);
        Assert.Equal("fail", (string?)result["result"]!["container"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)result["result"]!["error"]));
        Assert.Null(result["result"]!["output"]);
        Assert.Equal("""[{"container":"echo","output":{"x":1}}]""", result["intermediate_results"]!.ToJsonString());
        Assert.Equal(2, await fixture.Stack.Database.Scalar($"SELECT jsonb_array_length(step_results) FROM jobs WHERE id = '{id}'"));
    }

    [Fact]
    public async Task Should_fail_a_container_whose_output_is_not_json()
    {
        var id = await Infernet.Create(["text", "echo"], new { x = 1 });

        var result = await Infernet.WaitForResult(id);

        Assert.Equal("failed", (string?)result["status"]);
        Assert.Equal("""{"container":"text","error":"its output is not JSON"}""", result["result"]!.ToJsonString());
    }

    [Fact]
    public async Task Should_answer_a_batch_item_by_item_in_order_with_a_bad_item_failing_alone()
    {
        var (status, body) = await Infernet.Send(HttpMethod.Post, "/api/jobs/batch",
            """[{"containers":["echo"],"data":{"i":0}},{"containers":[],"data":{}},"not a request",{"containers":["nope"],"data":{}},{"containers":["echo"],"data":{"i":4},"requires_proof":false}]""");

        Assert.Equal(HttpStatusCode.OK, status);
        var items = body!.AsArray();
        Assert.Equal(5, items.Count);
        Assert.True(Guid.TryParse((string?)items[0]!["id"], out var first));
        Assert.Equal("""{"error":"No containers specified"}""", items[1]!.ToJsonString());
        Assert.StartsWith("Invalid request", (string?)items[2]!["error"]);
        Assert.Equal("""{"error":"Container not supported","params":{"container":"nope"}}""", items[3]!.ToJsonString());
        Assert.True(Guid.TryParse((string?)items[4]!["id"], out var last));
        Assert.Equal("""{"i":4}""", (await Infernet.WaitForResult(last))["result"]!["output"]!.ToJsonString());
        Assert.Equal("success", (string?)(await Infernet.WaitForResult(first))["status"]);
    }

    [Fact]
    public async Task Should_refuse_a_batch_that_is_not_a_list()
    {
        var (status, body) = await Infernet.Send(HttpMethod.Post, "/api/jobs/batch", """{"containers":["echo"],"data":{}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"error":"Expected a list"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task Should_list_this_clients_job_ids_filtered_by_pending_and_leave_unknown_ids_out()
    {
        var done = await Infernet.Create(["echo"], new { k = "done" });
        await Infernet.WaitForResult(done);
        var unknown = Guid.NewGuid();

        var (_, all) = await Infernet.Get("/api/jobs");
        var (_, finished) = await Infernet.Get("/api/jobs?pending=false");
        var (_, pending) = await Infernet.Get("/api/jobs?pending=true");
        var (_, results) = await Infernet.Get($"/api/jobs?id={unknown}&id={done}&id=not-a-uuid");
        var (badStatus, bad) = await Infernet.Get("/api/jobs?pending=maybe");

        Assert.Contains(done.ToString(), all!.AsArray().Select(i => (string?)i));
        Assert.Contains(done.ToString(), finished!.AsArray().Select(i => (string?)i));
        Assert.DoesNotContain(done.ToString(), pending!.AsArray().Select(i => (string?)i));
        Assert.Equal(done.ToString(), (string?)Assert.Single(results!.AsArray())!["id"]);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.False(string.IsNullOrWhiteSpace((string?)bad!["error"]));
    }

    [Fact]
    public async Task Should_record_a_job_run_elsewhere_with_put_status_and_show_it_until_it_ends()
    {
        var id = Guid.NewGuid();

        var (runningStatus, running) = await Infernet.Send(HttpMethod.Put, "/api/status", $$"""{"id":"{{id}}","status":"running","containers":["echo"]}""");
        var whileRunning = Assert.Single((await Infernet.Get($"/api/jobs?id={id}")).Body!.AsArray())!;
        var (doneStatus, _) = await Infernet.Send(HttpMethod.Put, "/api/status", $$"""{"id":"{{id}}","status":"success","containers":["echo"]}""");
        var done = Assert.Single((await Infernet.Get($"/api/jobs?id={id}")).Body!.AsArray())!;

        Assert.Equal((HttpStatusCode.OK, "{}"), (runningStatus, running!.ToJsonString()));
        Assert.Equal("running", (string?)whileRunning["status"]);
        Assert.Equal(HttpStatusCode.OK, doneStatus);
        Assert.Equal($$"""{"id":"{{id}}","status":"success","result":null}""", done.ToJsonString());
        var (_, native) = await fixture.Jobs.Get(id.ToString());
        Assert.Equal("completed", (string?)native!["status"]);
    }

    [Fact]
    public async Task Should_refuse_a_status_outside_success_failed_running_and_a_record_of_a_job_conveyor_runs()
    {
        var (badStatus, bad) = await Infernet.Send(HttpMethod.Put, "/api/status", $$"""{"id":"{{Guid.NewGuid()}}","status":"done","containers":[]}""");
        var native = await Infernet.Create(["echo"], new { x = 1 });
        var (ownStatus, own) = await Infernet.Send(HttpMethod.Put, "/api/status", $$"""{"id":"{{native}}","status":"failed","containers":["echo"]}""");

        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Equal("""{"error":"Status is invalid"}""", bad!.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, ownStatus);
        Assert.False(string.IsNullOrWhiteSpace((string?)own!["error"]));
        Assert.Equal("success", (string?)(await Infernet.WaitForResult(native))["status"]);
    }
}
