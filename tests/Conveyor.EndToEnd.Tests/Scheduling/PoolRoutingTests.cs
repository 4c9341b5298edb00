using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Scheduling;

/// <summary>A job asking for a GPU goes to the gpu pool and only there; without a live gpu executor it waits, never lost.</summary>
[Collection(PoolStackCollection.Name)]
public sealed class PoolRoutingTests(PoolStackFixture fixture)
{
    const string GpuQueue = "execute-job-gpu";
    readonly PoolJobs jobs = new(fixture);

    [Fact]
    public async Task Should_keep_a_gpu_job_pending_in_its_queue_when_no_gpu_executor_is_up_and_run_it_once_one_starts()
    {
        var cpu = await fixture.Stack.StartExecutor(PoolJobs.CpuPool, slots: 2, executorId: "cpu-" + Guid.NewGuid().ToString("N")[..6]);
        ServiceProcess? gpu = null;
        try
        {
            var id = await jobs.SubmitQuick("needs-gpu", "foreground", gpu: 1);

            var queued = await jobs.WaitForQueue(GpuQueue, q => q.Ready == 1);
            Assert.Equal(0, queued.Consumers);
            Assert.Equal("pending", await jobs.Status(id));

            var gpuId = "gpu-" + Guid.NewGuid().ToString("N")[..6];
            gpu = await fixture.Stack.StartExecutor(PoolJobs.GpuPool, slots: 1, executorId: gpuId);
            var job = await jobs.WaitForStatus(id, "completed");

            Assert.Equal(gpuId, (string?)job["executor_id"]);
            Assert.Single(job["attempts"]!.AsArray());
        }
        finally
        {
            fixture.Stack.Stop(cpu);
            if (gpu is not null)
                fixture.Stack.Stop(gpu);
        }
    }

    [Fact]
    public async Task Should_run_gpu_jobs_only_on_the_gpu_executor_and_cpu_jobs_only_on_the_cpu_executor_when_both_pools_are_served()
    {
        var cpuId = "cpu-" + Guid.NewGuid().ToString("N")[..6];
        var gpuId = "gpu-" + Guid.NewGuid().ToString("N")[..6];
        var cpu = await fixture.Stack.StartExecutor(PoolJobs.CpuPool, slots: 2, executorId: cpuId);
        var gpu = await fixture.Stack.StartExecutor(PoolJobs.GpuPool, slots: 2, executorId: gpuId);
        try
        {
            var submitted = new List<(Guid Id, string ExpectedExecutor)>();
            for (var i = 0; i < 4; i++)
            {
                submitted.Add((await jobs.SubmitQuick("gpu-work", "background", gpu: 1), gpuId));
                submitted.Add((await jobs.SubmitQuick("cpu-work", "background"), cpuId));
            }

            foreach (var (id, expected) in submitted)
                Assert.Equal(expected, (string?)(await jobs.WaitForStatus(id, "completed"))["executor_id"]);
        }
        finally
        {
            fixture.Stack.Stop(cpu);
            fixture.Stack.Stop(gpu);
        }
    }
}
