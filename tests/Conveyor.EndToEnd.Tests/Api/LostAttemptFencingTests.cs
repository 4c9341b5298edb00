using System.Net;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>An executor whose attempt was declared lost no longer holds the job: its reports are 409, the new holder's count.</summary>
[Collection(ApiCollection.Name)]
public sealed class LostAttemptFencingTests(ApiStackFixture fixture)
{
    const string Pool = "gpu";

    [Fact]
    public async Task Should_answer_409_to_an_executor_whose_attempt_was_declared_lost_and_accept_the_new_holder()
    {
        await fixture.Api.Drain(Pool, "lost-drainer");
        var id = await fixture.Api.Submit(new
        {
            type = "lost", binary_url = "http://127.0.0.1:9/bin/never", binary_sha256 = NativeApi.Sha, priority = "foreground",
            max_attempts = 2, resources = new { gpu = 1 },
        });
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "silent", pool = Pool })).Status);

        // No heartbeat: the scheduler declares the attempt lost after its timeout and opens a second one.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while ((await fixture.Api.Get($"/api/v1/jobs/{id}")).Body!["attempts"]!.AsArray().Count < 2)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the silent attempt was never declared lost");
            await Task.Delay(200);
        }
        var before = await fixture.Fingerprint();
        var staleBeat = await fixture.Api.Put($"/api/v1/jobs/{id}/heartbeat", new { executor_id = "silent" });
        var staleComplete = await fixture.Api.Put($"/api/v1/jobs/{id}/complete", new { executor_id = "silent", exit_code = 0 });
        Assert.Equal(HttpStatusCode.Conflict, staleBeat.Status);
        Assert.Equal(HttpStatusCode.Conflict, staleComplete.Status);
        Assert.Equal(before, await fixture.Fingerprint());

        var claimed = await ClaimWithin(TimeSpan.FromSeconds(20));
        Assert.Equal(id, claimed);
        Assert.Equal(HttpStatusCode.Conflict, (await fixture.Api.Put($"/api/v1/jobs/{id}/fail", new { executor_id = "silent" })).Status);
        var (status, done) = await fixture.Api.Put($"/api/v1/jobs/{id}/complete", new { executor_id = "successor", stdout = "second", exit_code = 0 });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("completed", (string?)done!["status"]);
        var job = (await fixture.Api.Get($"/api/v1/jobs/{id}")).Body!;
        Assert.Equal(["timeout", "completed"], job["attempts"]!.AsArray().Select(a => (string?)a!["status"]));
        Assert.Equal("successor", (string?)job["executor_id"]);
    }

    async Task<Guid> ClaimWithin(TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var (status, job) = await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "successor", pool = Pool });
            if (status == HttpStatusCode.OK)
                return job!["id"]!.GetValue<Guid>();
            Assert.True(DateTimeOffset.UtcNow < deadline, "the retried job was never offered again");
            await Task.Delay(100);
        }
    }
}
