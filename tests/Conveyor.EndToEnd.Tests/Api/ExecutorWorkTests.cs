using System.Net;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>
/// Seed 003's polling-executor endpoints on the <c>gpu</c> pool (the rest of the collection's jobs wait in <c>cpu</c>):
/// claim by priority, heartbeat, complete, fail, and the status codes of each.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExecutorWorkTests(ApiStackFixture fixture)
{
    const string Pool = "gpu";

    [Fact]
    public async Task Should_answer_204_when_nothing_waits_in_the_pool()
    {
        await fixture.Api.Drain(Pool);

        var (status, body) = await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "idle-1", executor_ip = "127.0.0.1", pool = Pool });

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Null(body);
    }

    [Fact]
    public async Task Should_hand_out_the_highest_priority_first_and_oldest_first_within_one()
    {
        await fixture.Api.Drain(Pool);
        var bestEffort = await fixture.Api.Submit(NativeApi.Job("claim-order", "best_effort", gpu: true));
        var olderBackground = await fixture.Api.Submit(NativeApi.Job("claim-order", "background", gpu: true));
        var newerBackground = await fixture.Api.Submit(NativeApi.Job("claim-order", "background", gpu: true));
        var foreground = await fixture.Api.Submit(NativeApi.Job("claim-order", "foreground", gpu: true));

        var order = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var (status, job) = await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "order-1", pool = Pool });
            Assert.Equal(HttpStatusCode.OK, status);
            order.Add(job!["id"]!.GetValue<Guid>());
            await fixture.Api.Put($"/api/v1/jobs/{order[^1]}/complete", new { executor_id = "order-1", stdout = "", exit_code = 0 });
        }

        Assert.Equal(new[] { foreground, olderBackground, newerBackground, bestEffort }, order);
    }

    [Fact]
    public async Task Should_run_a_job_through_claim_heartbeat_and_complete_as_seed_003_describes()
    {
        await fixture.Api.Drain(Pool);
        var id = await fixture.Api.Submit(NativeApi.Job("claim-run", "foreground", gpu: true));

        var (claimStatus, claimed) = await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "worker-1", executor_ip = "127.0.0.5", pool = Pool });
        var (_, details) = await fixture.Api.Get($"/api/v1/jobs/{id}");
        var (beatStatus, beat) = await fixture.Api.Put($"/api/v1/jobs/{id}/heartbeat", new { executor_id = "worker-1" });
        var (doneStatus, done) = await fixture.Api.Put($"/api/v1/jobs/{id}/complete",
            new { executor_id = "worker-1", stdout = "out", stderr = "err", exit_code = 0 });
        var (_, finished) = await fixture.Api.Get($"/api/v1/jobs/{id}");

        Assert.Equal(HttpStatusCode.OK, claimStatus);
        Assert.Equal(id, claimed!["id"]!.GetValue<Guid>());
        Assert.Equal("running", (string?)claimed["status"]);
        Assert.Equal(NativeApi.Fields(details), NativeApi.Fields(claimed));
        Assert.Equal(HttpStatusCode.OK, beatStatus);
        Assert.Equal("running", (string?)beat!["status"]);
        Assert.Equal(HttpStatusCode.OK, doneStatus);
        Assert.Equal("completed", (string?)done!["status"]);
        Assert.Equal("completed", (string?)finished!["status"]);
        Assert.Equal("out", (string?)finished["stdout"]);
        Assert.Equal("err", (string?)finished["stderr"]);
        Assert.Equal(0, finished["exit_code"]!.GetValue<int>());
        Assert.Equal("worker-1", (string?)finished["executor_id"]);
        var attempt = finished["attempts"]!.AsArray().Single()!;
        Assert.Equal("127.0.0.5", (string?)attempt["executor_ip"]);
        Assert.Equal("completed", (string?)attempt["status"]);
    }

    [Fact]
    public async Task Should_fail_the_job_with_the_executors_error_and_exit_code()
    {
        await fixture.Api.Drain(Pool);
        var withCode = await fixture.Api.Submit(NativeApi.Job("claim-fail", "foreground", gpu: true));
        await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "worker-2", pool = Pool });

        var (status, body) = await fixture.Api.Put($"/api/v1/jobs/{withCode}/fail",
            new { executor_id = "worker-2", stdout = "partial", stderr = "boom", exit_code = 3, error_message = "Binary execution failed" });
        var (_, job) = await fixture.Api.Get($"/api/v1/jobs/{withCode}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("failed", (string?)body!["status"]);
        Assert.Equal("failed", (string?)job!["status"]);
        Assert.Equal(3, job["exit_code"]!.GetValue<int>());
        Assert.Equal("Binary execution failed", (string?)job["error"]);
        Assert.Equal("boom", (string?)job["stderr"]);
    }

    [Fact]
    public async Task Should_tell_a_polling_executor_to_stop_at_its_heartbeat_and_cancel_the_job_when_it_reports()
    {
        await fixture.Api.Drain(Pool);
        var id = await fixture.Api.Submit(NativeApi.Job("claim-stop", "foreground", gpu: true));
        await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "stoppable", pool = Pool });

        var (stopStatus, _) = await fixture.Api.Post($"/api/v1/jobs/{id}/stop", new { });
        var (beatStatus, beat) = await fixture.Api.Put($"/api/v1/jobs/{id}/heartbeat", new { executor_id = "stoppable" });
        var (_, stopping) = await fixture.Api.Get($"/api/v1/jobs/{id}");
        var (failStatus, failed) = await fixture.Api.Put($"/api/v1/jobs/{id}/fail",
            new { executor_id = "stoppable", stdout = "partial", error_message = "stopped on request" });
        var (_, job) = await fixture.Api.Get($"/api/v1/jobs/{id}");

        Assert.Equal(HttpStatusCode.OK, stopStatus);
        Assert.Equal(HttpStatusCode.NotFound, beatStatus);
        NativeApi.AssertError(beat, "a heartbeat after a stop");
        Assert.True(beat!["context"]!["stop_requested"]!.GetValue<bool>());
        Assert.Equal("running", (string?)stopping!["status"]);
        Assert.Equal(HttpStatusCode.OK, failStatus);
        Assert.Equal("cancelled", (string?)failed!["status"]);
        Assert.Equal("cancelled", (string?)job!["status"]);
        Assert.Equal("partial", (string?)job["stdout"]);
    }

    [Fact]
    public async Task Should_answer_409_and_change_nothing_when_another_executor_reports_on_a_held_job()
    {
        await fixture.Api.Drain(Pool);
        var id = await fixture.Api.Submit(NativeApi.Job("fencing", "foreground", gpu: true));
        await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "holder", pool = Pool });
        var before = await fixture.Fingerprint();

        var beat = await fixture.Api.Put($"/api/v1/jobs/{id}/heartbeat", new { executor_id = "intruder" });
        var complete = await fixture.Api.Put($"/api/v1/jobs/{id}/complete", new { executor_id = "intruder", stdout = "forged", exit_code = 0 });
        var fail = await fixture.Api.Put($"/api/v1/jobs/{id}/fail", new { executor_id = "intruder", error_message = "forged" });
        await Task.Delay(500);

        foreach (var (status, body) in new[] { beat, complete, fail })
        {
            Assert.Equal(HttpStatusCode.Conflict, status);
            NativeApi.AssertError(body, "intruder");
            Assert.Equal(id, body!["context"]!["job_id"]!.GetValue<Guid>());
        }
        Assert.Equal(before, await fixture.Fingerprint());
        var (_, job) = await fixture.Api.Get($"/api/v1/jobs/{id}");
        Assert.Equal("running", (string?)job!["status"]);
        Assert.Equal("holder", (string?)job["executor_id"]);

        var (holderStatus, _) = await fixture.Api.Put($"/api/v1/jobs/{id}/complete", new { executor_id = "holder", stdout = "real", exit_code = 0 });
        Assert.Equal(HttpStatusCode.OK, holderStatus);
        Assert.Equal("real", (string?)(await fixture.Api.Get($"/api/v1/jobs/{id}")).Body!["stdout"]);
    }

    [Fact]
    public async Task Should_answer_400_for_invalid_transitions_and_404_for_unknown_or_idle_jobs()
    {
        await fixture.Api.Drain(Pool);
        var finished = await fixture.Api.Submit(NativeApi.Job("transitions", "foreground", gpu: true));
        await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "worker-3", pool = Pool });
        await fixture.Api.Put($"/api/v1/jobs/{finished}/complete", new { executor_id = "worker-3", exit_code = 0 });
        var waiting = await fixture.Api.Submit(NativeApi.Job("transitions", "best_effort"));
        var unknown = Guid.NewGuid();
        var before = await fixture.Fingerprint();

        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Api.Put($"/api/v1/jobs/{finished}/complete", new { executor_id = "worker-3", exit_code = 0 })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Api.Put($"/api/v1/jobs/{finished}/fail", new { executor_id = "worker-3" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Api.Put($"/api/v1/jobs/{waiting}/complete", new { executor_id = "worker-3" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.Put($"/api/v1/jobs/{waiting}/heartbeat", new { executor_id = "worker-3" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.Put($"/api/v1/jobs/{finished}/heartbeat", new { executor_id = "worker-3" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.Put($"/api/v1/jobs/{unknown}/heartbeat", new { executor_id = "worker-3" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.Put($"/api/v1/jobs/{unknown}/complete", new { executor_id = "worker-3" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.Put($"/api/v1/jobs/{unknown}/fail", new { executor_id = "worker-3" })).Status);
        Assert.Equal(before, await fixture.Fingerprint());
    }

    [Fact]
    public async Task Should_list_a_polling_executor_with_its_current_job()
    {
        await fixture.Api.Drain(Pool);
        var id = await fixture.Api.Submit(NativeApi.Job("listed", "foreground", gpu: true));
        await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "poller-7", pool = Pool });

        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        System.Text.Json.Nodes.JsonNode? executor = null;
        while (executor?["current_job_id"] is null && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
            var (_, executors) = await fixture.Api.Get("/api/v1/admin/executors");
            executor = executors!.AsArray().FirstOrDefault(e => (string?)e!["executor_id"] == "poller-7");
        }

        Assert.NotNull(executor);
        Assert.Equal(id, executor!["current_job_id"]!.GetValue<Guid>());
        Assert.Equal("listed", (string?)executor["job_type"]);
        Assert.Equal(["executor_id", "current_job_id", "job_type", "last_heartbeat", "jobs_completed"], NativeApi.Fields(executor).Take(5));
        await fixture.Api.Put($"/api/v1/jobs/{id}/complete", new { executor_id = "poller-7", exit_code = 0 });
    }
}
