using System.Net;
using System.Net.Http.Headers;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>API keys when configured: required, scoped by role, and a client key sees only the jobs it submitted.</summary>
[Collection(ApiKeyCollection.Name)]
public sealed class ApiKeyTests(ApiKeyStackFixture fixture)
{
    const string Alice = ApiKeyStackFixture.AliceKey;
    const string Bob = ApiKeyStackFixture.BobKey;

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-configured-key")]
    public async Task Should_answer_401_in_the_error_shape_without_a_valid_key(string? key)
    {
        var before = await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs");

        var (status, body) = await fixture.Api.Post("/api/v1/jobs", NativeApi.Job("unauthorised"), key);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        NativeApi.AssertError(body, "no key");
        Assert.Equal(before, await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs"));
    }

    [Fact]
    public async Task Should_serve_health_and_the_openapi_document_without_a_key()
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.Get("/api/v1/health")).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.Get("/api/v1/openapi.json")).Status);
    }

    [Fact]
    public async Task Should_show_a_clients_jobs_to_it_and_to_admins_only()
    {
        var type = "owned-" + Guid.NewGuid().ToString("N")[..8];
        var id = await fixture.Api.Submit(NativeApi.Job(type), Alice);

        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.Get($"/api/v1/jobs/{id}", Alice)).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.Get($"/api/v1/jobs/{id}", ApiKeyStackFixture.AdminKey)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.Get($"/api/v1/jobs/{id}", Bob)).Status);
        Assert.Single((await fixture.Api.Get($"/api/v1/jobs?type={type}", Alice)).Body!.AsArray());
        Assert.Single((await fixture.Api.Get($"/api/v1/jobs?type={type}", ApiKeyStackFixture.AdminKey)).Body!.AsArray());
        Assert.Empty((await fixture.Api.Get($"/api/v1/jobs?type={type}", Bob)).Body!.AsArray());
        Assert.Equal(1, await fixture.Stack.Database.Scalar($"SELECT count(*) FROM jobs WHERE id = '{id}' AND owner = 'alice'"));
    }

    [Fact]
    public async Task Should_not_let_another_client_cancel_or_stop_a_job()
    {
        var id = await fixture.Api.Submit(NativeApi.Job("not-yours"), Alice);

        var (deleteStatus, _) = await fixture.Api.Send(HttpMethod.Delete, $"/api/v1/jobs/{id}", apiKey: Bob);
        var (stopStatus, _) = await fixture.Api.Send(HttpMethod.Post, $"/api/v1/jobs/{id}/stop", apiKey: Bob);
        var (bulkStatus, bulk) = await fixture.Api.Post("/api/v1/jobs/bulk/cancel", new { job_ids = new[] { id } }, Bob);

        Assert.Equal(HttpStatusCode.NotFound, deleteStatus);
        Assert.Equal(HttpStatusCode.NotFound, stopStatus);
        Assert.Equal(HttpStatusCode.OK, bulkStatus);
        Assert.Equal(0, bulk!["cancelled"]!.GetValue<int>());
        Assert.Equal("pending", (string?)(await fixture.Api.Get($"/api/v1/jobs/{id}", Alice)).Body!["status"]);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.Send(HttpMethod.Delete, $"/api/v1/jobs/{id}", apiKey: Alice)).Status);
    }

    [Theory]
    [InlineData("GET", "/api/v1/admin/stats", Alice)]
    [InlineData("GET", "/api/v1/admin/executors", Alice)]
    [InlineData("GET", "/api/v1/metrics", Alice)]
    [InlineData("GET", "/metrics", Alice)]
    [InlineData("POST", "/api/v1/jobs/claim", Alice)]
    [InlineData("GET", "/api/v1/jobs", ApiKeyStackFixture.ExecutorKey)]
    [InlineData("POST", "/api/v1/jobs", ApiKeyStackFixture.ExecutorKey)]
    public async Task Should_answer_403_when_the_keys_role_does_not_reach_the_endpoint(string method, string path, string key)
    {
        var (status, body) = await fixture.Api.Send(new HttpMethod(method), path, method == "POST" ? "{}" : null, key);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        NativeApi.AssertError(body, path);
    }

    [Fact]
    public async Task Should_let_an_executor_key_claim_and_an_admin_key_read_everything_with_a_bearer_header()
    {
        await fixture.Api.Submit(NativeApi.Job("for-executor", "foreground", gpu: true), Alice);

        var (claimStatus, claimed) = await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "keyed-1", pool = "gpu" }, ApiKeyStackFixture.ExecutorKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/stats");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKeyStackFixture.AdminKey);
        using var stats = await fixture.Stack.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, claimStatus);
        Assert.Equal("for-executor", (string?)claimed!["type"]);
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        var (completeStatus, _) = await fixture.Api.Put($"/api/v1/jobs/{claimed["id"]}/complete", new { executor_id = "keyed-1", exit_code = 0 },
            ApiKeyStackFixture.ExecutorKey);
        Assert.Equal(HttpStatusCode.OK, completeStatus);
    }
}
