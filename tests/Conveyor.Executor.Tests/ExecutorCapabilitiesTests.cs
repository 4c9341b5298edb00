using Conveyor.Contracts.Jobs;
using Conveyor.Executor.Registration;
using Conveyor.Executor.Runtimes.Docker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Tests;

/// <summary>What an executor says it can run, probed from the machine, and the reason it gives for a job it cannot.</summary>
public sealed class ExecutorCapabilitiesTests
{
    static readonly JobDefinition ContainerJob = new()
    {
        Type = "t", BinaryUrl = "", BinarySha256 = "", Priority = JobPriority.Foreground, Kind = JobKind.Container,
        Container = new ContainerSpec { Image = "conveyor/busybox:latest" },
    };

    static async Task<ExecutorCapabilities> Probe(bool dockerEnabled)
    {
        var docker = new DockerRuntimeOptions { Enabled = dockerEnabled };
        using var client = DockerClientFactory.Create(docker);
        var capabilities = new ExecutorCapabilities(client, Options.Create(docker), Options.Create(new ExecutorOptions { ExecutorId = "probe" }),
            NullLogger<ExecutorCapabilities>.Instance);
        await capabilities.Refresh(CancellationToken.None);
        return capabilities;
    }

    [Fact]
    public async Task Should_offer_docker_and_accept_container_jobs_when_the_engine_answers()
    {
        var capabilities = await Probe(dockerEnabled: true);

        Assert.Equal(["process", "docker"], capabilities.Runtimes);
        Assert.Null(capabilities.Refusal(ContainerJob));
    }

    [Fact]
    public async Task Should_refuse_a_container_job_naming_the_missing_runtime_when_docker_is_not_offered()
    {
        var capabilities = await Probe(dockerEnabled: false);

        Assert.Equal(["process"], capabilities.Runtimes);
        Assert.Equal("executor probe cannot run this job: it needs the docker runtime and this executor offers only process", capabilities.Refusal(ContainerJob));
    }

    [Fact]
    public async Task Should_refuse_a_container_that_needs_gpus_when_the_machine_has_none()
    {
        var capabilities = await Probe(dockerEnabled: true);
        var job = ContainerJob with { Container = ContainerJob.Container! with { Gpu = 2 } };

        Assert.Empty(capabilities.Gpus);
        Assert.Equal("executor probe cannot run this job: its containers need 2 GPU(s) and this executor has 0", capabilities.Refusal(job));
        Assert.Null(capabilities.Refusal(job with { Kind = JobKind.Binary, Resources = new JobResources { Gpu = 2 } }));
    }
}
