using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests;

/// <summary>Seed 003's bulk submit: all or nothing at validation, then one result per job in the order given.</summary>
[Collection(StackCollection.Name)]
public sealed class BulkSubmitTests(StackFixture fixture)
{
    [Fact]
    public async Task Should_accept_and_run_every_job_in_the_order_given_when_the_whole_list_is_valid()
    {
        var (url, sha256) = fixture.Binaries.AddScript("bulk-echo.sh", "echo \"$1\"");
        var jobs = Enumerable.Range(0, 3).Select(i => new
        {
            type = $"bulk-{i}",
            binary_url = url,
            binary_sha256 = sha256,
            arguments = new[] { $"item {i}" },
            priority = "background",
        }).ToArray();

        var response = await fixture.Stack.Api.PostAsJsonAsync("/api/v1/jobs/bulk", jobs);
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(3, results.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("pending", (string?)results[i]!["status"]);
            var job = await fixture.Jobs.WaitForTerminal(results[i]!["id"]!.GetValue<Guid>());
            Assert.Equal($"bulk-{i}", (string?)job["type"]);
            Assert.Equal($"item {i}\n", (string?)job["stdout"]);
        }
    }

    [Fact]
    public async Task Should_answer_400_naming_the_item_and_store_nothing_when_one_job_in_the_list_is_bad()
    {
        var (url, sha256) = fixture.Binaries.AddScript("bulk-never.sh", "exit 0");
        var good = new { type = "bulk-good", binary_url = url, binary_sha256 = sha256, priority = "foreground" };
        var bad = new { type = "bulk-bad", binary_url = url, binary_sha256 = "abc", priority = "foreground" };
        var before = await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs");

        var response = await fixture.Stack.Api.PostAsJsonAsync("/api/v1/jobs/bulk", new object[] { good, bad, good });
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, (int?)error["context"]!["index"]);
        Assert.Equal("binary_sha256", (string?)error["context"]!["field"]);
        Assert.Equal(before, await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs"));
    }

    [Theory]
    [InlineData("{\"type\": \"t\"}")]
    [InlineData("[]")]
    [InlineData("[1, 2")]
    public async Task Should_answer_400_when_the_body_is_not_a_non_empty_list_of_jobs(string body)
    {
        var response = await fixture.Stack.Api.PostAsync("/api/v1/jobs/bulk", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("body", (string?)error["context"]!["field"]);
    }
}
