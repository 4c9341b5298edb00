using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Executor.BinaryCache;
using Conveyor.Executor.Runtimes.Process;
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
        await context.Publish(await Run(work, context.CancellationToken), context.CancellationToken);
    }

    async Task<object> Run(ExecuteJob work, CancellationToken cancellationToken)
    {
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
        catch (Exception ex) when (ex is ChecksumMismatchException or BinaryDownloadException or IOException or System.ComponentModel.Win32Exception)
        {
            logger.LogWarning("Attempt {AttemptId} could not run: {Error}", work.AttemptId, ex.Message);
            return Failure(work, ex.Message, "", "");
        }
    }

    static AttemptFailed Failure(ExecuteJob work, string error, string stdout, string stderr) => new()
    {
        JobId = work.JobId,
        AttemptId = work.AttemptId,
        Error = error,
        Stdout = stdout,
        Stderr = stderr,
        FailedAt = DateTimeOffset.UtcNow,
    };
}
