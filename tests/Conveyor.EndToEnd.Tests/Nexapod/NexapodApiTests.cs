using System.Net;
using System.Text.Json.Nodes;
using Conveyor.EndToEnd.Tests.Api;

namespace Conveyor.EndToEnd.Tests.Nexapod;

/// <summary>
/// Seed 004, NEXAPod's coordinator API, on a stack with no queue executor: nodes register, poll for data jobs, report
/// results, and are fenced like every executor; the jobs are native jobs of kind data.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NexapodApiTests(ApiStackFixture fixture)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    NexapodNode Node(string name) => new(fixture.Stack.Api, $"{name}-{Guid.NewGuid().ToString("N")[..6]}");

    [Fact]
    public async Task Should_register_a_node_and_show_its_profile_updated_on_registering_again()
    {
        var node = Node("gpu-box");

        await node.Register();
        await node.Register(NexapodNode.Profile(gpu: "NVIDIA A100"));

        var (_, nodes) = await node.Send(HttpMethod.Get, "/nodes");
        var listed = nodes!.AsArray().Single(n => (string?)n!["id"] == node.Id)!;
        Assert.Equal("""{"os":"Linux","cpu":"Intel Core i7-12700K","gpu":"NVIDIA A100","hashes":{"runner":"sha256-of-runner","weights":"sha256-of-weights"}}""",
            listed["profile"]!.ToJsonString());
        var (_, executors) = await fixture.Api.Get("/api/v1/admin/executors");
        Assert.Contains(executors!.AsArray(), e => (string?)e!["id"] == node.Id || (string?)e!["executor_id"] == node.Id);
    }

    public static TheoryData<string> BadRegistrations => new()
    {
        """{"profile":{"os":"Linux"}}""",
        """{"node_id":"n1"}""",
        """{"node_id":"","profile":{}}""",
        """{"node_id":"n 1","profile":{}}""",
        """{"node_id":7,"profile":{}}""",
        """{"node_id":"n1","profile":"linux"}""",
        """[]""",
        """not json""",
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Should_refuse_a_registration_without_a_node_id_or_profile(string body)
    {
        var (status, answer) = await Node("bad").Send(HttpMethod.Post, "/register", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"error":"Invalid registration data"}""", answer!.ToJsonString());
    }

    [Fact]
    public async Task Should_tell_a_poll_without_a_node_id_or_from_an_unregistered_node_what_is_wrong()
    {
        var (missing, missingBody) = await Node("x").Send(HttpMethod.Get, "/job", identify: false);
        var (unknown, unknownBody) = await Node("never-registered").Send(HttpMethod.Get, "/job");

        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Contains("X-Node-ID", (string?)missingBody!["error"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Contains("register", (string?)unknownBody!["error"]);
    }

    [Fact]
    public async Task Should_assign_a_queued_job_to_a_polling_node_and_take_its_result()
    {
        var node = Node("worker");
        await node.Register();
        await node.Drain();
        Assert.Equal("""{"status":"no_job_available"}""", (await node.Poll()).ToJsonString());

        var (queuedStatus, queued) = await node.Send(HttpMethod.Post, "/jobs", """{"data":{"prompt":"a red fox","steps":20}}""");
        Assert.Equal(HttpStatusCode.OK, queuedStatus);
        Assert.Equal("queued", (string?)queued!["status"]);
        var jobId = (string)queued["job_id"]!;

        var assignment = await node.Poll();
        Assert.Equal($$$"""{"job_id":"{{{jobId}}}","status":"assigned","data":{"prompt":"a red fox","steps":20},"assigned_to":"{{{node.Id}}}"}""",
            assignment.ToJsonString());
        // A node holds one job: polling again is its heartbeat and repeats the assignment.
        Assert.Equal(assignment.ToJsonString(), (await node.Poll()).ToJsonString());

        var (reportStatus, report) = await node.Report(jobId, new { image = "fox.png", score = 0.9 });
        Assert.Equal(HttpStatusCode.OK, reportStatus);
        Assert.Equal($$"""{"status":"result_received","job_id":"{{jobId}}"}""", report!.ToJsonString());

        var (_, native) = await fixture.Api.Get($"/api/v1/jobs/{jobId}");
        Assert.Equal(("completed", "data", node.Id), ((string?)native!["status"], (string?)native["kind"], (string?)native["executor_id"]));
        var (_, jobs) = await node.Send(HttpMethod.Get, "/jobs");
        var listed = jobs!.AsArray().Single(j => (string?)j!["job_id"] == jobId)!;
        Assert.Equal($$$"""{"job_id":"{{{jobId}}}","status":"completed","assigned_to":"{{{node.Id}}}","result":{"image":"fox.png","score":0.9}}""",
            listed.ToJsonString());
    }

    [Fact]
    public async Task Should_refuse_a_second_node_reporting_the_first_nodes_job()
    {
        var first = Node("first");
        var second = Node("second");
        await first.Register();
        await second.Register();
        await first.Drain();
        var jobId = await fixture.Api.Submit(new { type = "nexapod-native", kind = "data", data = new { n = 1 }, priority = "foreground" });

        var assignment = await first.Poll();
        Assert.Equal(jobId.ToString(), (string?)assignment["job_id"]);
        var (status, body) = await second.Report(jobId.ToString(), new { stolen = true });
        var (missingStatus, missing) = await second.Send(HttpMethod.Post, "/result", $$"""{"job_id":"{{jobId}}","node_id":"{{second.Id}}"}""");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.False(string.IsNullOrWhiteSpace((string?)body!["error"]));
        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
        Assert.Equal("""{"error":"Invalid result submission"}""", missing!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await first.Report(jobId.ToString(), new { n = 2 })).Status);
    }

    [Fact]
    public async Task Should_declare_a_silent_nodes_job_lost_give_it_to_another_node_and_refuse_the_late_result()
    {
        var silent = Node("silent");
        var other = Node("other");
        await silent.Register();
        await other.Register();
        await silent.Drain();
        var jobId = await fixture.Api.Submit(new { type = "nexapod-retried", kind = "data", data = new { n = 1 }, priority = "foreground", max_attempts = 2 });
        Assert.Equal(jobId.ToString(), (string?)(await silent.Poll())["job_id"]);

        // The silent node polls no more; after the heartbeat timeout its attempt is lost and the job is offered again.
        JsonNode? retried = null;
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var offer = await other.Poll();
            if ((string?)offer["job_id"] == jobId.ToString())
            {
                retried = offer;
                break;
            }
            await Task.Delay(500);
        }

        Assert.NotNull(retried);
        var (lateStatus, _) = await silent.Report(jobId.ToString(), new { late = true });
        Assert.Equal(HttpStatusCode.Conflict, lateStatus);
        Assert.Equal(HttpStatusCode.OK, (await other.Report(jobId.ToString(), new { on_time = true })).Status);
        var (_, native) = await fixture.Api.Get($"/api/v1/jobs/{jobId}");
        Assert.Equal(("completed", 2), ((string?)native!["status"], native["attempts"]!.AsArray().Count));
    }

    [Fact]
    public async Task Should_queue_one_job_for_a_job_id_given_twice_and_refuse_a_job_without_data()
    {
        var id = Guid.NewGuid().ToString();
        var node = Node("queuer");

        var (firstStatus, _) = await node.Send(HttpMethod.Post, "/jobs", $$"""{"job_id":"{{id}}","data":[1,2,3]}""");
        var (againStatus, _) = await node.Send(HttpMethod.Post, "/jobs", $$"""{"job_id":"{{id}}","data":[1,2,3]}""");
        var (badStatus, bad) = await node.Send(HttpMethod.Post, "/jobs", """{"job_id":"x"}""");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (firstStatus, againStatus));
        Assert.Equal(1, await fixture.Stack.Database.Scalar($"SELECT count(*) FROM jobs WHERE id = '{id}'"));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Equal("""{"error":"Invalid job submission"}""", bad!.ToJsonString());
    }
}
