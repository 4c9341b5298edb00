using System.ComponentModel;
using Conveyor.Contracts.Jobs;
using Conveyor.Executor.BinaryCache;
using Conveyor.Executor.Runtimes;
using Conveyor.Executor.Runtimes.Docker;
using Conveyor.Executor.Runtimes.Process;

namespace Conveyor.Executor.Attempts;

/// <summary>
/// Runs one binary or container and says how it ended. Failures are sorted here: infrastructure (download, engine, an
/// unreachable registry) is retryable; the job's own faults (a sha256 mismatch, an image that does not exist, a binary
/// that cannot start) are not.
/// </summary>
public sealed class StepRunner(
    ContentAddressedBinaryCache binaries,
    ProcessRuntime processes,
    ContainerRuntime containers,
    JobVolumes volumes,
    ILogger<StepRunner> logger)
{
    const string Interrupted = "interrupted";

    public async Task<StepOutcome> Run(PipelineStep step, RunContext context, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        StepOutcome Failed(string error, bool retryable) => new() { Error = error, Retryable = retryable, StartedAt = startedAt, EndedAt = DateTimeOffset.UtcNow };
        try
        {
            if (step.CreateVolume is { } volume)
            {
                await volumes.Create(volume, context, cancellationToken);
                return new StepOutcome { ExitCode = 0, StartedAt = startedAt, EndedAt = DateTimeOffset.UtcNow };
            }
            var result = step.Kind == JobKind.Container
                ? await containers.Run(step.Container!, context, cancellationToken)
                : await RunBinary(step.Binary!, context, cancellationToken);
            return new StepOutcome
            {
                ExitCode = result.ExitCode,
                Stdout = result.Stdout,
                Stderr = result.Stderr,
                StdoutTruncated = result.StdoutTruncated,
                Error = result.ExitCode switch
                {
                    0 => null,
                    null => Interrupted,
                    _ => result.Error ?? $"the binary exited with code {result.ExitCode}",
                },
                StartedAt = startedAt,
                EndedAt = DateTimeOffset.UtcNow,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Failed(Interrupted, retryable: false);
        }
        catch (ChecksumMismatchException ex)
        {
            return Failed(ex.Message, retryable: false);
        }
        catch (BinaryDownloadException ex)
        {
            return Failed(ex.Message, retryable: true);
        }
        catch (ImageUnavailableException ex)
        {
            return Failed(ex.Message, ex.Retryable);
        }
        catch (Exception ex) when (step.Kind == JobKind.Container && EngineErrors.Is(ex, cancellationToken))
        {
            return Failed($"Docker engine error: {EngineErrors.Message(ex)}", retryable: true);
        }
        catch (Win32Exception ex)
        {
            return Failed($"the binary could not be started: {ex.Message}", retryable: false);
        }
        catch (IOException ex)
        {
            logger.LogWarning("Attempt {AttemptId} hit an I/O error on this executor: {Reason}", context.AttemptId, ex.Message);
            return Failed($"executor I/O error: {ex.Message}", retryable: true);
        }
        catch (Exception ex)
        {
            // Whatever this executor got wrong, the scheduler hears of it and may try elsewhere.
            logger.LogError(ex, "Attempt {AttemptId} failed on an executor error", context.AttemptId);
            return Failed($"executor error: {ex.Message}", retryable: true);
        }
    }

    async Task<RuntimeResult> RunBinary(BinarySpec binary, RunContext context, CancellationToken cancellationToken)
    {
        var path = await binaries.Get(binary.Url, binary.Sha256, cancellationToken);
        return await processes.Run(path, binary, context, cancellationToken);
    }
}
