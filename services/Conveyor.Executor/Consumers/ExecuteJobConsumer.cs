using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Executor.BinaryCache;
using Conveyor.Executor.Runtimes.Process;
using Conveyor.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Consumers;

/// <summary>
/// Takes one attempt from the pool's priority queue, asks the saga for permission, runs it and reports.
/// Without the saga's grant nothing runs: a duplicate delivery or a stale attempt is dropped here.
/// </summary>
public sealed class ExecuteJobConsumer(
    IRequestClient<StartAttempt> startAttempt,
    ContentAddressedBinaryCache binaries,
    ProcessRuntime runtime,
    RunningAttempts running,
    IPublishEndpoint bus,
    IOptions<ExecutorOptions> options,
    ILogger<ExecuteJobConsumer> logger) : IConsumer<ExecuteJob>
{
    public async Task Consume(ConsumeContext<ExecuteJob> context)
    {
        var work = context.Message;
        var executor = options.Value;
        var answer = await startAttempt.GetResponse<AttemptGranted, AttemptRefused>(
            new StartAttempt(work.JobId, work.AttemptId, executor.ExecutorId, ExecutorAddress.Resolve(executor)), context.CancellationToken);
        if (answer.Is(out Response<AttemptRefused>? refused))
        {
            logger.LogInformation("Attempt {AttemptId} refused: {Reason}", work.AttemptId, refused.Message.Reason);
            return;
        }

        logger.LogInformation("Attempt {AttemptId} of {JobType} started", work.AttemptId, work.Definition.Type);
        object report;
        var stop = running.Start(work.AttemptId, context.CancellationToken);
        using (var beating = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
        {
            var heartbeats = AttemptHeartbeats.BeatUntil(bus, work.JobId, work.AttemptId, executor.ExecutorId, executor.HeartbeatInterval, beating.Token);
            try
            {
                report = await Run(work, stop.Token, context.CancellationToken);
            }
            finally
            {
                await beating.CancelAsync();
                await heartbeats;
                running.Finish(work.AttemptId);
            }
        }
        // Reported even while shutting down, and retried through a broker outage: the scheduler must hear how the attempt ended.
        await bus.PublishUntilConfirmed(report, TimeSpan.FromMinutes(10));
    }

    async Task<object> Run(ExecuteJob work, CancellationToken stop, CancellationToken shutdown)
    {
        var cancellationToken = stop;
        try
        {
            var binary = await binaries.Get(work.Definition.BinaryUrl, work.Definition.BinarySha256, cancellationToken);
            var result = await runtime.Run(binary, work.Definition, work.JobId, work.AttemptId, cancellationToken);
            if (result.TimedOut)
                return Failure(work, "the job exceeded its timeout and was killed", result.Stdout, result.Stderr);

            logger.LogInformation("Attempt {AttemptId} exited with {ExitCode}", work.AttemptId, result.ExitCode);
            return new AttemptCompleted
            {
                JobId = work.JobId,
                AttemptId = work.AttemptId,
                ExitCode = result.ExitCode,
                Stdout = result.Stdout,
                Stderr = result.Stderr,
                FinishedAt = DateTimeOffset.UtcNow,
            };
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            return Failure(work, "the executor shut down during the attempt", "", "", retryable: true);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            logger.LogInformation("Attempt {AttemptId} stopped", work.AttemptId);
            return Failure(work, "the attempt was stopped", "", "");
        }
        catch (ChecksumMismatchException ex)
        {
            logger.LogWarning("Attempt {AttemptId} refused to run its binary: {Error}", work.AttemptId, ex.Message);
            return Failure(work, ex.Message, "", "");
        }
        catch (Exception ex) when (ex is BinaryDownloadException or IOException or System.ComponentModel.Win32Exception)
        {
            logger.LogWarning("Attempt {AttemptId} could not run: {Error}", work.AttemptId, ex.Message);
            return Failure(work, ex.Message, "", "", retryable: ex is not System.ComponentModel.Win32Exception);
        }
    }

    static AttemptFailed Failure(ExecuteJob work, string error, string stdout, string stderr, bool retryable = false) => new()
    {
        JobId = work.JobId,
        AttemptId = work.AttemptId,
        Error = error,
        Retryable = retryable,
        Stdout = stdout,
        Stderr = stderr,
        FailedAt = DateTimeOffset.UtcNow,
    };
}
