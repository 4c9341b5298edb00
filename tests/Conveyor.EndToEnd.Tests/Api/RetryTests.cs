using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>
/// Retry of failed jobs through the API: a new job with the same definition, the failed one left as it was; retried
/// once however often it is asked; a set by type and error.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class RetryTests(StackFixture fixture)
{
    const string Image = "conveyor/busybox:latest";

    Task<Guid> SubmitContainer(string type, string script) => fixture.Jobs.Submit(new
    {
        type,
        kind = "container",
        image = Image,
        entrypoint = new[] { "sh", "-c" },
        cmd = new[] { script },
        priority = "foreground",
    });

    [Fact]
    public async Task Should_run_a_failed_job_again_as_one_new_job_however_often_retry_is_asked()
    {
        var failed = await SubmitContainer("retry-once-" + Guid.NewGuid().ToString("N")[..6], "echo trying; exit 3");
        await fixture.Jobs.WaitForTerminal(failed);

        var first = await fixture.Stack.Api.PostAsync($"/api/v1/jobs/{failed}/retry", null);
        var second = await fixture.Stack.Api.PostAsync($"/api/v1/jobs/{failed}/retry", null);
        var firstBody = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        var secondBody = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        var retryId = Guid.Parse((string)firstBody["id"]!);
        var retried = await fixture.Jobs.WaitForTerminal(retryId);
        var (_, original) = await fixture.Jobs.Get(failed.ToString());

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal((string?)firstBody["id"], (string?)secondBody["id"]);
        Assert.Equal(failed.ToString(), (string?)firstBody["retried_from"]);
        Assert.Equal(("failed", "trying\n", 3), ((string?)retried["status"], (string?)retried["stdout"], (int?)retried["exit_code"]));
        Assert.Equal("failed", (string?)original!["status"]);
    }

    [Fact]
    public async Task Should_refuse_to_retry_a_job_that_did_not_fail_and_name_unknown_ones()
    {
        var completed = await SubmitContainer("retry-completed", "true");
        await fixture.Jobs.WaitForTerminal(completed);

        var notFailed = await fixture.Stack.Api.PostAsync($"/api/v1/jobs/{completed}/retry", null);
        var unknown = await fixture.Stack.Api.PostAsync($"/api/v1/jobs/{Guid.NewGuid()}/retry", null);
        var malformed = await fixture.Stack.Api.PostAsync("/api/v1/jobs/not-a-uuid/retry", null);

        Assert.Equal(HttpStatusCode.BadRequest, notFailed.StatusCode);
        Assert.Equal("only a failed job can be retried (status: completed)", (string?)JsonNode.Parse(await notFailed.Content.ReadAsStringAsync())!["error"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Should_retry_the_failed_jobs_of_a_type_and_error_once_each()
    {
        var type = "retry-set-" + Guid.NewGuid().ToString("N")[..6];
        var ids = new[] { await SubmitContainer(type, "exit 5"), await SubmitContainer(type, "exit 5"), await SubmitContainer(type, "exit 6") };
        foreach (var id in ids)
            await fixture.Jobs.WaitForTerminal(id);
        var body = $$"""{"type":"{{type}}","error":"the container exited with code 5"}""";

        var first = JsonNode.Parse(await (await Post("/api/v1/jobs/retry", body)).Content.ReadAsStringAsync())!;
        var again = JsonNode.Parse(await (await Post("/api/v1/jobs/retry", body)).Content.ReadAsStringAsync())!;

        Assert.Equal(2, (int?)first["retried"]);
        Assert.Equal(ids.Take(2).Select(i => i.ToString()).Order(), first["jobs"]!.AsArray().Select(j => (string)j!["job_id"]!).Order());
        Assert.Equal(0, (int?)again["retried"]);
    }

    [Theory]
    [InlineData("""{"limit":0}""", "limit must be an integer from 1 to 1000")]
    [InlineData("""{"type":5}""", "type must be a string")]
    [InlineData("""{"status":"failed"}""", "unknown field status")]
    [InlineData("""[]""", "the body must be an object")]
    [InlineData("""{}""", "type or error is required")]
    [InlineData("""{"limit":10}""", "type or error is required")]
    public async Task Should_refuse_a_bad_set_retry_and_retry_nothing(string body, string error)
    {
        var before = await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs");

        var response = await Post("/api/v1/jobs/retry", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(error, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
        Assert.Equal(before, await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs"));
    }

    Task<HttpResponseMessage> Post(string path, string body) =>
        fixture.Stack.Api.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
}
