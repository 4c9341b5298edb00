using Conveyor.Contracts.Jobs;
using Conveyor.Executor.Runtimes.Output;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>
/// Runs a container for a job: image present or pulled, created confined (<see cref="ContainerConfig"/>), attached, started,
/// its output read until it exits. The container is removed in every case: exit, failure, timeout, stop and shutdown, all of
/// which reach it as cancellation of the token.
/// </summary>
public sealed class ContainerRuntime(
    DockerEngineClient docker,
    DockerImages images,
    IOptions<DockerRuntimeOptions> options,
    IOptions<ExecutorOptions> executor,
    ILogger<ContainerRuntime> logger)
{
    static readonly TimeSpan RemoveTimeout = TimeSpan.FromSeconds(30);

    public async Task<RuntimeResult> Run(ContainerSpec spec, RunContext context, CancellationToken cancellationToken)
    {
        await images.Ensure(spec.Image, cancellationToken);
        var body = ContainerConfig.Build(spec, context, executor.Value.ExecutorId, options.Value);
        var id = await docker.CreateContainer($"conveyor-{context.AttemptId:N}-{context.StepIndex}", body, cancellationToken);
        try
        {
            return await RunCreated(id, context, cancellationToken);
        }
        finally
        {
            await Remove(id);
        }
    }

    async Task<RuntimeResult> RunCreated(string id, RunContext context, CancellationToken cancellationToken)
    {
        var stdout = new OutputCapture("stdout", context.Log);
        var stderr = new OutputCapture("stderr", context.Log);
        var attachment = await docker.Attach(id, cancellationToken);
        var feeding = Task.CompletedTask;
        try
        {
            await docker.StartContainer(id, cancellationToken);
            feeding = attachment.WriteStdin(context.Stdin, cancellationToken);
            await attachment.ReadOutput(stdout, stderr, cancellationToken);
            var exitCode = await docker.WaitContainer(id, cancellationToken);
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
            await attachment.DisposeAsync();
            await feeding;
        }
    }

    async Task<string> ExplainExit(string id, int exitCode, RunContext context, CancellationToken cancellationToken)
    {
        var because = $"the container exited with code {exitCode}";
        return await docker.WasKilledForMemory(id, cancellationToken)
            ? $"{because}: killed for exceeding its memory limit of {context.Resources.MemoryMb ?? options.Value.DefaultMemoryMb} MiB"
            : because;
    }

    async Task Remove(string id)
    {
        using var timeout = new CancellationTokenSource(RemoveTimeout);
        try
        {
            await docker.RemoveContainer(id, timeout.Token);
        }
        catch (Exception ex) when (ex is DockerEngineException or OperationCanceledException)
        {
            // The executor removes its leftovers at its next start (they carry its label).
            logger.LogError("Container {ContainerId} could not be removed: {Reason}", id, ex.Message);
        }
    }
}
