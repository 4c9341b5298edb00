using System.Net;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>Seed 003's <c>GET /jobs</c>: fields, filters, order and the pagination edges.</summary>
[Collection(ApiCollection.Name)]
public sealed class JobListTests(ApiStackFixture fixture)
{
    static readonly string[] SummaryFields = ["id", "type", "status", "priority", "executor_id", "created_at", "started_at"];

    [Fact]
    public async Task Should_list_jobs_newest_first_with_exactly_the_seed_fields()
    {
        var type = "list-" + Guid.NewGuid().ToString("N")[..8];
        var first = await fixture.Api.Submit(NativeApi.Job(type));
        var second = await fixture.Api.Submit(NativeApi.Job(type, "foreground"));

        var (status, body) = await fixture.Api.Get($"/api/v1/jobs?type={type}");

        Assert.Equal(HttpStatusCode.OK, status);
        var jobs = body!.AsArray();
        Assert.Equal([second, first], jobs.Select(j => j!["id"]!.GetValue<Guid>()));
        Assert.Equal(SummaryFields, NativeApi.Fields(jobs[0]));
        Assert.Equal("pending", (string?)jobs[0]!["status"]);
        Assert.Equal("foreground", (string?)jobs[0]!["priority"]);
        Assert.EndsWith("Z", (string?)jobs[0]!["created_at"]);
    }

    [Fact]
    public async Task Should_filter_by_status_type_and_priority_together()
    {
        var type = "filter-" + Guid.NewGuid().ToString("N")[..8];
        var foreground = await fixture.Api.Submit(NativeApi.Job(type, "foreground"));
        await fixture.Api.Submit(NativeApi.Job(type, "best_effort"));
        var cancelled = await fixture.Api.Submit(NativeApi.Job(type, "foreground"));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.Send(HttpMethod.Delete, $"/api/v1/jobs/{cancelled}")).Status);

        var (_, pendingForeground) = await fixture.Api.Get($"/api/v1/jobs?type={type}&status=pending&priority=foreground");
        var (_, cancelledJobs) = await fixture.Api.Get($"/api/v1/jobs?type={type}&status=cancelled");
        var (_, bestEffort) = await fixture.Api.Get($"/api/v1/jobs?type={type}&priority=best_effort");

        Assert.Equal([foreground], pendingForeground!.AsArray().Select(j => j!["id"]!.GetValue<Guid>()));
        Assert.Equal([cancelled], cancelledJobs!.AsArray().Select(j => j!["id"]!.GetValue<Guid>()));
        Assert.Single(bestEffort!.AsArray());
    }

    [Fact]
    public async Task Should_page_with_limit_and_offset_and_answer_an_empty_page_past_the_end()
    {
        var type = "page-" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add(await fixture.Api.Submit(NativeApi.Job(type)));
        ids.Reverse();

        var (_, page) = await fixture.Api.Get($"/api/v1/jobs?type={type}&limit=1&offset=1");
        var (_, past) = await fixture.Api.Get($"/api/v1/jobs?type={type}&offset=3");
        var (maxStatus, max) = await fixture.Api.Get($"/api/v1/jobs?type={type}&limit=1000&offset=0");

        Assert.Equal([ids[1]], page!.AsArray().Select(j => j!["id"]!.GetValue<Guid>()));
        Assert.Empty(past!.AsArray());
        Assert.Equal(HttpStatusCode.OK, maxStatus);
        Assert.Equal(ids, max!.AsArray().Select(j => j!["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Should_return_at_most_100_jobs_when_no_limit_is_given()
    {
        var (status, body) = await fixture.Api.Get("/api/v1/jobs");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(body!.AsArray().Count, 0, 100);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=1.5", "offset")]
    [InlineData("status=done", "status")]
    [InlineData("priority=urgent", "priority")]
    public async Task Should_answer_400_naming_the_parameter_when_a_query_value_is_out_of_range(string query, string field)
    {
        var (status, body) = await fixture.Api.Get($"/api/v1/jobs?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        NativeApi.AssertError(body, query);
        Assert.Equal(field, (string?)body!["context"]!["field"]);
    }
}
