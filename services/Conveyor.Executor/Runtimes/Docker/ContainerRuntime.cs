using Conveyor.Contracts.Jobs;
using Conveyor.Executor.Runtimes.Output;
using Docker.DotNet;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>
/// Runs a container for a job: image present or pulled, created confined (<see cref="ContainerConfig"/>), attached, started,
/// its output read until it exits. The container is removed in every case: exit, failure, timeout, stop and shutdown, all of
/// which reach it as cancellation of the token.
/// </summary>
public sealed class ContainerRuntime(
    IDockerClient docker,
    DockerImages images,
    IOptions<DockerRuntimeOptions> options,
    IOptions<ExecutorOptions> executor,
    ILogger<ContainerRuntime> logger)
{
    static readonly TimeSpan RemoveTimeout = TimeSpan.FromSeconds(30);

    public async Task<RuntimeResult> Run(ContainerSpec spec, RunContext context, CancellationToken cancellationToken)
    {
        await images.Ensure(spec.Image, cancellationToken);
        var parameters = ContainerConfig.Build($"conveyor-{context.AttemptId:N}-{context.StepIndex}", spec, context, executor.Value.ExecutorId, options.Value);
        var id = (await docker.Containers.CreateContainerAsync(parameters, cancellationToken)).ID;
        try
        {
            return await RunCreated(id, spec, context, cancellationToken);
        }
        finally
        {
            await Remove(id);
        }
    }

    async Task<RuntimeResult> RunCreated(string id, ContainerSpec spec, RunContext context, CancellationToken cancellationToken)
    {
        var stdout = new OutputCapture("stdout", context.Log, context.StepIndex);
        var stderr = new OutputCapture("stderr", context.Log, context.StepIndex);
        var attachment = await ContainerAttachment.Open(docker, id, cancellationToken);
        var feeding = Task.CompletedTask;
        using var serving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var announcing = Task.CompletedTask;
        try
        {
            await docker.Containers.StartContainerAsync(id, null, cancellationToken);
            feeding = attachment.WriteStdin(context.Stdin, cancellationToken);
            if (spec.ExposedPort is { } port)
                announcing = AnnounceWhenServing(id, port, context, serving.Token);
            await attachment.ReadOutput(stdout, stderr, cancellationToken);
            var exitCode = (int)(await docker.Containers.WaitContainerAsync(id, cancellationToken)).StatusCode;
            stdout.Complete();
            stderr.Complete();
            var error = exitCode == 0 ? null : await ExplainExit(id, exitCode, context, cancellationToken);
            return new RuntimeResult(exitCode, stdout.Text, stderr.Text, stdout.Truncated, error);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stdout.Complete();
            stderr.Complete();
            return new RuntimeResult(null, stdout.Text, stderr.Text, stdout.Truncated);
        }
        finally
        {
            // Closing the connection first releases an input write the container never read.
            attachment.Dispose();
            await feeding;
            await serving.CancelAsync();
            await announcing;
        }
    }

    /// <summary>Tells the attempt where the container serves once its port answers; never fails the run.</summary>
    async Task AnnounceWhenServing(string id, int port, RunContext context, CancellationToken cancellationToken)
    {
        try
        {
            var url = await ServiceProbe.WaitUntilServing(docker, id, port, options.Value, cancellationToken);
            if (context.ServiceReady is { } ready)
                await ready(context.StepIndex, url);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning("The service of attempt {AttemptId} could not be announced: {Reason}", context.AttemptId, ex.Message);
        }
    }

    async Task<string> ExplainExit(string id, int exitCode, RunContext context, CancellationToken cancellationToken)
    {
        var because = $"the container exited with code {exitCode}";
        var inspected = await docker.Containers.InspectContainerAsync(id, cancellationToken);
        return inspected.State?.OOMKilled == true
            ? $"{because}: killed for exceeding its memory limit of {context.Resources.MemoryMb ?? options.Value.DefaultMemoryMb} MiB"
            : because;
    }

    async Task Remove(string id)
    {
        using var timeout = new CancellationTokenSource(RemoveTimeout);
        try
        {
            await docker.Containers.ForceRemove(id, timeout.Token);
        }
        catch (Exception ex) when (EngineErrors.Is(ex, CancellationToken.None))
        {
            // The executor removes its leftovers at its next start (they carry its label).
            logger.LogError("Container {ContainerId} could not be removed: {Reason}", id, EngineErrors.Message(ex));
        }
    }
}
