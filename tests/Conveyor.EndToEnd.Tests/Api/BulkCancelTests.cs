using System.Net;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>Seed 003's <c>POST /jobs/bulk/cancel</c>: <c>{cancelled, failed, errors}</c>, errors in the order given.</summary>
[Collection(ApiCollection.Name)]
public sealed class BulkCancelTests(ApiStackFixture fixture)
{
    [Fact]
    public async Task Should_cancel_the_pending_jobs_and_list_the_others_in_the_order_given()
    {
        var first = await fixture.Api.Submit(NativeApi.Job("bulk-cancel"));
        var second = await fixture.Api.Submit(NativeApi.Job("bulk-cancel"));
        var done = await fixture.Api.Submit(NativeApi.Job("bulk-cancel"));
        await fixture.Api.Send(HttpMethod.Delete, $"/api/v1/jobs/{done}");
        var unknown = Guid.NewGuid();

        var (status, body) = await fixture.Api.Post("/api/v1/jobs/bulk/cancel", new { job_ids = new[] { first, unknown, second, done } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["cancelled", "failed", "errors"], NativeApi.Fields(body));
        Assert.Equal(2, body!["cancelled"]!.GetValue<int>());
        Assert.Equal(2, body["failed"]!.GetValue<int>());
        var errors = body["errors"]!.AsArray();
        Assert.Equal([unknown, done], errors.Select(e => e!["job_id"]!.GetValue<Guid>()));
        Assert.Equal(["job_id", "error", "status"], NativeApi.Fields(errors[0]));
        Assert.Null(errors[0]!["status"]);
        Assert.Equal("cancelled", (string?)errors[1]!["status"]);
        var states = await fixture.Stack.Database.States([first, second]);
        Assert.All(states.Values, s => Assert.Equal("Cancelled", s));
    }

    [Fact]
    public async Task Should_cancel_nothing_when_any_id_is_not_a_uuid()
    {
        var pending = await fixture.Api.Submit(NativeApi.Job("bulk-cancel-bad"));
        var before = await fixture.Fingerprint();

        var (status, body) = await fixture.Api.Send(HttpMethod.Post, "/api/v1/jobs/bulk/cancel", $$"""{"job_ids": ["{{pending}}", "nope"]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        NativeApi.AssertError(body, "bad id");
        Assert.Equal(1, body!["context"]!["index"]!.GetValue<int>());
        Assert.Equal(before, await fixture.Fingerprint());
    }
}
