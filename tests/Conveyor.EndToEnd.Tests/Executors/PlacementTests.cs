using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Executors;

/// <summary>A job no live executor can take waits and says why; one that reaches an executor lacking what it needs fails clearly.</summary>
[Collection(StackCollection.Name)]
public sealed class PlacementTests(StackFixture fixture)
{
    [Fact]
    public async Task Should_wait_saying_why_while_no_gpu_executor_is_live_and_fail_clearly_on_one_without_gpus()
    {
        var id = await fixture.Jobs.Submit(new
        {
            type = "needs-a-gpu",
            kind = "container",
            image = ContainerJobTests.Image,
            cmd = new[] { "echo", "trained" },
            gpu = true,
            priority = "foreground",
            max_attempts = 1,
        });

        var (_, pending) = await fixture.Jobs.Get(id.ToString());
        Assert.Equal("pending", (string?)pending!["status"]);
        Assert.Equal("no live executor in pool 'gpu'", (string?)pending["pending_reason"]);

        var gpuPool = await fixture.Stack.StartExecutor("gpu", slots: 1, executorId: "gpu-less-" + Guid.NewGuid().ToString("N")[..6]);
        try
        {
            var job = await fixture.Jobs.WaitForTerminal(id);

            Assert.Equal("failed", (string?)job["status"]);
            Assert.EndsWith("cannot run this job: its containers need 1 GPU(s) and this executor has 0", (string?)job["error"]);
            Assert.Null(job["pending_reason"]);
            Assert.Empty(await LocalDocker.ContainersLabelled($"conveyor.job={id}"));
        }
        finally
        {
            gpuPool.Terminate();
            await gpuPool.WaitForExit(TimeSpan.FromSeconds(30));
        }
    }
}
