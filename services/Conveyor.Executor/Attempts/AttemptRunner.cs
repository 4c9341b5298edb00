using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Executor.Consumers;
using Conveyor.Executor.Registration;
using Conveyor.Executor.Runtimes;
using Conveyor.Executor.Runtimes.Output;
using Conveyor.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Attempts;

/// <summary>
/// Runs one granted attempt to its report. The attempt is registered while it runs (the executor's heartbeats list it, stop
/// and shutdown reach it), beats to the scheduler every few seconds, has the job's timeout, streams its output, and always ends in exactly one report: <see cref="AttemptCompleted"/>
/// when the work ran to its end, <see cref="AttemptFailed"/> otherwise.
/// </summary>
public sealed class AttemptRunner(
    RunningAttempts attempts,
    StepRunner steps,
    PipelineRunner pipelines,
    ExecutorCapabilities capabilities,
    AttemptLogs logs,
    IBus bus,
    IOptions<ExecutorOptions> options,
    ILogger<AttemptRunner> logger)
{
    public async Task<object> Run(ExecuteJob work)
    {
        var definition = work.Definition;
        var timeout = definition.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.Value.DefaultJobTimeout;
        using var attempt = attempts.Begin(work, timeout);
        using var beating = new CancellationTokenSource();
        var heartbeats = AttemptHeartbeats.BeatUntil(bus, work.JobId, work.AttemptId, options.Value.ExecutorId, options.Value.HeartbeatInterval, beating.Token);
        AttemptOutcome outcome;
        try
        {
            outcome = capabilities.Refusal(definition) is { } refusal
                ? new AttemptOutcome { Error = refusal, Retryable = true }
                : await Execute(work, attempt);
        }
        finally
        {
            await beating.CancelAsync();
            await heartbeats;
        }
        var report = AttemptReports.Of(work, Interrupted(attempt, outcome));
        attempts.Record(report is AttemptCompleted { ExitCode: 0 });
        return report;
    }

    async Task<AttemptOutcome> Execute(ExecuteJob work, RunningAttempt attempt)
    {
        var definition = work.Definition;
        await using var log = logs.Open(work.JobId, work.AttemptId);
        var context = new RunContext
        {
            JobId = work.JobId,
            AttemptId = work.AttemptId,
            Resources = definition.Resources,
            Log = log,
            // Bounded for the same reason as the report's publish: the run waits for this announcement before it ends.
            ServiceReady = (step, url) => bus.PublishWithin(new AttemptServiceReady(work.JobId, work.AttemptId, step, url), BoundedPublish.DefaultTimeout,
                CancellationToken.None),
        };
        if (definition.Kind == JobKind.Pipeline)
            return await pipelines.Run(definition.Steps, definition.Input, context, attempt.Token);
        return AttemptOutcome.Of(await steps.Run(JobSteps.Single(definition), context, attempt.Token));
    }

    AttemptOutcome Interrupted(RunningAttempt attempt, AttemptOutcome outcome)
    {
        var (error, retryable) = attempt.StopReason switch
        {
            StopReason.Timeout => ($"the job exceeded its timeout of {attempt.Timeout.TotalSeconds:0} s and was killed", false),
            StopReason.Stopped => ($"the attempt was stopped: {attempt.StopDetail}", false),
            StopReason.ShuttingDown => ("executor shutting down", true),
            StopReason.None => (null, false),
            _ => throw new InvalidOperationException($"unknown stop reason {attempt.StopReason}"),
        };
        if (error is null)
            return outcome;
        logger.LogInformation("Attempt {AttemptId} interrupted: {Reason}", attempt.Work.AttemptId, error);
        return outcome with { ExitCode = null, Error = error, Retryable = retryable };
    }
}
