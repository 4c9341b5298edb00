using System.Net;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>
/// Seed 003's answers field for field, for the endpoints whose shape other test classes do not already pin: submit,
/// details, cancel (200, 400, 404), bulk submit and health. Seed fields come first and keep the seed's names exactly.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SeedContractTests(ApiStackFixture fixture)
{
    static readonly string[] DetailFields =
    [
        "id", "type", "binary_url", "binary_sha256", "arguments", "env_variables", "priority", "status", "executor_id",
        "stdout", "stderr", "exit_code", "created_at", "started_at", "completed_at", "attempts",
    ];

    [Fact]
    public async Task Should_answer_submit_with_201_and_exactly_id_type_status_created_at()
    {
        var (status, body) = await fixture.Api.Post("/api/v1/jobs", NativeApi.Job("contract-submit"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(["id", "type", "status", "created_at"], NativeApi.Fields(body));
        Assert.Equal("contract-submit", (string?)body!["type"]);
        Assert.Equal("pending", (string?)body["status"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", (string?)body["created_at"]);
    }

    [Fact]
    public async Task Should_answer_details_with_every_seed_field_and_attempts_with_the_seed_attempt_fields()
    {
        var id = await fixture.Api.Submit(NativeApi.Job("contract-details", "foreground", gpu: true));
        await fixture.Api.Drain("gpu", "contract-drainer");
        var pending = await fixture.Api.Submit(NativeApi.Job("contract-details", "foreground", gpu: true));
        await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "contract-1", executor_ip = "127.0.0.9", pool = "gpu" });
        await fixture.Api.Put($"/api/v1/jobs/{pending}/complete", new { executor_id = "contract-1", stdout = "ok", exit_code = 0 });

        var (status, body) = await fixture.Api.Get($"/api/v1/jobs/{pending}");

        Assert.Equal(HttpStatusCode.OK, status);
        var fields = NativeApi.Fields(body);
        Assert.All(DetailFields, f => Assert.Contains(f, fields));
        Assert.Equal(["a"], body!["arguments"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("v", (string?)body["env_variables"]!["K"]);
        var attempt = body["attempts"]!.AsArray().Single()!;
        Assert.All(["executor_id", "executor_ip", "started_at", "ended_at", "status"], f => Assert.Contains(f, NativeApi.Fields(attempt)));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.Get($"/api/v1/jobs/{id}")).Status);
    }

    [Fact]
    public async Task Should_answer_cancel_with_200_for_pending_400_for_running_and_404_for_unknown()
    {
        var pending = await fixture.Api.Submit(NativeApi.Job("contract-cancel"));
        await fixture.Api.Drain("gpu", "contract-drainer");
        var running = await fixture.Api.Submit(NativeApi.Job("contract-cancel", "foreground", gpu: true));
        await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "contract-2", pool = "gpu" });

        var (okStatus, ok) = await fixture.Api.Send(HttpMethod.Delete, $"/api/v1/jobs/{pending}");
        var (badStatus, bad) = await fixture.Api.Send(HttpMethod.Delete, $"/api/v1/jobs/{running}");
        var (missingStatus, missing) = await fixture.Api.Send(HttpMethod.Delete, $"/api/v1/jobs/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Equal(["id", "status"], NativeApi.Fields(ok));
        Assert.Equal("cancelled", (string?)ok!["status"]);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Equal(["error", "context"], NativeApi.Fields(bad));
        Assert.Equal("running", (string?)bad!["context"]!["status"]);
        Assert.Equal(HttpStatusCode.NotFound, missingStatus);
        Assert.Equal(["error", "context"], NativeApi.Fields(missing));
        await fixture.Api.Put($"/api/v1/jobs/{running}/complete", new { executor_id = "contract-2", exit_code = 0 });
    }

    [Fact]
    public async Task Should_answer_bulk_submit_with_201_and_id_status_per_job_in_order()
    {
        var (status, body) = await fixture.Api.Post("/api/v1/jobs/bulk",
            new[] { NativeApi.Job("contract-bulk-0"), NativeApi.Job("contract-bulk-1", "foreground") });

        Assert.Equal(HttpStatusCode.Created, status);
        var results = body!.AsArray();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(["id", "status"], NativeApi.Fields(r)));
        var types = new List<string?>();
        foreach (var result in results)
            types.Add((string?)(await fixture.Api.Get($"/api/v1/jobs/{result!["id"]}")).Body!["type"]);
        Assert.Equal(["contract-bulk-0", "contract-bulk-1"], types);
    }

    [Fact]
    public async Task Should_answer_health_with_status_and_database()
    {
        var (status, body) = await fixture.Api.Get("/api/v1/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["status", "database", "broker"], NativeApi.Fields(body));
        Assert.Equal("healthy", (string?)body!["status"]);
        Assert.Equal("connected", (string?)body["database"]);
    }
}
