using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Messaging.Topology;
using Conveyor.Persistence.Jobs;
using Conveyor.Persistence.Outbox;
using Conveyor.Scheduler.Supervision;
using MassTransit;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>The work behind each transition, kept out of the state machine so that it reads as a table.</summary>
public sealed class JobLifecycleBehaviors(SchedulerOptions options)
{
    public void Record(BehaviorContext<JobLifecycleState, SubmitJob> context)
    {
        var job = context.Saga;
        var definition = context.Message.Definition;
        job.Type = definition.Type;
        job.BinaryUrl = definition.BinaryUrl;
        job.BinarySha256 = definition.BinarySha256;
        job.Arguments = [.. definition.Arguments];
        job.EnvVariables = new Dictionary<string, string>(definition.EnvVariables);
        job.Priority = definition.Priority;
        job.Resources = definition.Resources;
        job.Pool = ExecutionQueues.PoolFor(definition);
        job.Owner = context.Message.Owner;
        job.TimeoutSeconds = definition.TimeoutSeconds;
        job.MaxAttempts = definition.MaxAttempts ?? options.DefaultMaxAttempts;
        job.RetryOnFailure = definition.RetryOnFailure;
        job.RecordKind(definition);
        job.CreatedAt = context.Message.SubmittedAt.ToUniversalTime();
        OpenAttempt(job);
    }

    /// <summary>Queues the current attempt's work at the job's own priority; aging, when on, counts from now.</summary>
    public static Task Dispatch(BehaviorContext<JobLifecycleState> context)
    {
        context.Saga.DispatchPriority = context.Saga.Priority;
        context.Saga.QueuedAt = DateTimeOffset.UtcNow;
        return SendWork(context);
    }

    /// <summary>
    /// Sends the queued attempt's work again at the higher priority aging gave it. The copy sent earlier stays in the queue
    /// until an executor takes it, and is then refused, since the attempt is granted once.
    /// </summary>
    public static Task Requeue(BehaviorContext<JobLifecycleState, PriorityAged> context)
    {
        context.Saga.DispatchPriority = context.Message.Priority;
        return SendWork(context);
    }

    static Task SendWork(BehaviorContext<JobLifecycleState> context)
    {
        var job = context.Saga;
        // A data job is claimed by polling nodes from the jobs table; no queue executor could run it, so nothing is queued.
        if (job.Kind == JobKind.Data)
            return Task.CompletedTask;
        var message = new ExecuteJob
        {
            JobId = job.CorrelationId,
            AttemptId = job.CurrentAttemptId!.Value,
            AttemptNumber = job.AttemptCount,
            Definition = job.ToDefinition(),
        };
        return context.SendAfterCommit(ExecutionQueues.Address(job.Pool), message, ExecutionQueues.PriorityOf(job.DispatchPriority), job.CorrelationId);
    }

    public void StartAttempt(BehaviorContext<JobLifecycleState, StartAttempt> context)
    {
        var job = context.Saga;
        var attempt = job.CurrentAttempt!;
        var now = DateTimeOffset.UtcNow;
        attempt.ExecutorId = context.Message.ExecutorId;
        attempt.ExecutorIp = context.Message.ExecutorAddress;
        attempt.StartedAt = now;
        attempt.Status = AttemptStatus.Running;
        job.ExecutorId = context.Message.ExecutorId;
        if (job.StartedAt is null)
        {
            // Recorded as the transition runs: a transition rolled back and retried (a lost row lock) counts twice, which is rare.
            SchedulerMetrics.DispatchDuration.Record((now - job.CreatedAt).TotalSeconds, new KeyValuePair<string, object?>("pool", job.Pool));
            job.StartedAt = now;
        }
        job.LastHeartbeatAt = now;
        // The executor enforces the timeout itself; this later deadline is the backstop when it cannot report.
        job.DeadlineAt = job.TimeoutSeconds is { } seconds ? now.AddSeconds(seconds) + options.HeartbeatTimeout : null;
    }

    public void RequestStop(BehaviorContext<JobLifecycleState, StopJob> context)
    {
        var job = context.Saga;
        job.Error = context.Message.Reason;
        // The executor has this long to confirm the kill; otherwise supervision ends the stop without it.
        job.DeadlineAt = DateTimeOffset.UtcNow + options.HeartbeatTimeout;
    }

    public static Task StopOnExecutor(BehaviorContext<JobLifecycleState> context) =>
        context.PublishAfterCommit(new StopAttempt(context.Saga.CorrelationId, context.Saga.CurrentAttemptId!.Value, context.Saga.Error ?? "stopped"),
            context.Saga.CorrelationId);

    /// <summary>Opens the next attempt and parks it until its backoff has passed: base × 2^(attempts − 1), capped.</summary>
    public void ScheduleRetry(BehaviorContext<JobLifecycleState> context)
    {
        var job = context.Saga;
        var exponent = Math.Min(job.AttemptCount - 1, 20);
        var delay = TimeSpan.FromTicks(Math.Min(options.RetryBaseDelay.Ticks * (1L << exponent), options.MaxRetryDelay.Ticks));
        OpenAttempt(job);
        job.ExitCode = null;
        job.NextAttemptAt = DateTimeOffset.UtcNow + delay;
        job.CompletedAt = null;
        job.DeadlineAt = null;
        job.LastHeartbeatAt = null;
    }

    public static void RecordExit(BehaviorContext<JobLifecycleState, AttemptCompleted> context)
    {
        var job = context.Saga;
        var report = context.Message;
        job.ExitCode = report.ExitCode;
        job.Stdout = report.Stdout;
        job.Stderr = report.Stderr;
        job.Error = report.ExitCode == 0 ? null : report.Error ?? $"the binary exited with code {report.ExitCode}";
        job.RecordSteps(report.Steps);
        EndAttempt(job, report.ExitCode == 0 ? AttemptStatus.Completed : AttemptStatus.Failed, report.FinishedAt, report.ExitCode, job.Error);
    }

    public static void RecordFailure(BehaviorContext<JobLifecycleState, AttemptFailed> context)
    {
        var job = context.Saga;
        var report = context.Message;
        job.ExitCode = null;
        job.Stdout = report.Stdout;
        job.Stderr = report.Stderr;
        job.Error = report.Error;
        job.RecordSteps(report.Steps);
        EndAttempt(job, AttemptStatus.Failed, report.FailedAt, exitCode: null, report.Error);
    }

    public static void RecordLost(BehaviorContext<JobLifecycleState> context)
    {
        var job = context.Saga;
        job.ExitCode = null;
        job.Error = $"executor {job.ExecutorId} stopped sending heartbeats";
        EndAttempt(job, AttemptStatus.TimedOut, DateTimeOffset.UtcNow, exitCode: null, job.Error);
    }

    public static void RecordTimeout(BehaviorContext<JobLifecycleState> context)
    {
        var job = context.Saga;
        job.ExitCode = null;
        job.Error = $"the job exceeded its timeout of {job.TimeoutSeconds} s and was stopped";
        EndAttempt(job, AttemptStatus.TimedOut, DateTimeOffset.UtcNow, exitCode: null, job.Error);
    }

    public static void Cancel(JobLifecycleState job, string reason)
    {
        job.Error = reason;
        job.NextAttemptAt = null;
        EndAttempt(job, AttemptStatus.Cancelled, DateTimeOffset.UtcNow, exitCode: null, reason);
    }

    public static void RecordStoppedOutput(BehaviorContext<JobLifecycleState, AttemptCompleted> context)
    {
        context.Saga.ExitCode = context.Message.ExitCode;
        context.Saga.Stdout = context.Message.Stdout;
        context.Saga.Stderr = context.Message.Stderr;
        EndStop(context.Saga);
    }

    public static void RecordStoppedFailure(BehaviorContext<JobLifecycleState, AttemptFailed> context)
    {
        context.Saga.ExitCode = null;
        context.Saga.Stdout = context.Message.Stdout;
        context.Saga.Stderr = context.Message.Stderr;
        EndStop(context.Saga);
    }

    public static void EndStop(JobLifecycleState job) =>
        EndAttempt(job, AttemptStatus.Cancelled, DateTimeOffset.UtcNow, job.ExitCode, job.Error ?? "stopped");

    /// <summary>The stop ended without word from the executor (lost, or the kill not confirmed in time): no exit code is known.</summary>
    public static void EndStopUnconfirmed(JobLifecycleState job)
    {
        job.ExitCode = null;
        EndStop(job);
    }

    /// <summary>
    /// A job that runs outside Conveyor, recorded as it stands: one attempt, held by no executor of ours, started when
    /// it was first recorded. Its pool is <see cref="ExecutionQueues.ExternalPool"/>, which marks it as external.
    /// </summary>
    public static void RecordExternal(BehaviorContext<JobLifecycleState, RecordExternalJob> context)
    {
        var job = context.Saga;
        var record = context.Message;
        var at = record.At.ToUniversalTime();
        job.Type = record.Type;
        job.Kind = JobKind.Pipeline;
        job.PipelineSteps = [.. record.Steps.Select(step => new PipelineStep { Name = step, Kind = JobKind.Container })];
        job.BinaryUrl = "";
        job.BinarySha256 = "";
        job.Priority = JobPriority.Background;
        job.Pool = ExecutionQueues.ExternalPool;
        job.Owner = record.Owner;
        job.MaxAttempts = 1;
        job.CreatedAt = at;
        OpenAttempt(job);
        var attempt = job.CurrentAttempt!;
        attempt.ExecutorId = ExternalExecutor;
        attempt.Status = AttemptStatus.Running;
        attempt.StartedAt = at;
        job.ExecutorId = ExternalExecutor;
        job.StartedAt = at;
    }

    /// <summary>The external job ended as its last record says.</summary>
    public static void EndExternal(BehaviorContext<JobLifecycleState, RecordExternalJob> context)
    {
        var job = context.Saga;
        var succeeded = context.Message.Status == ExternalJobStatus.Succeeded;
        job.ExitCode = succeeded ? 0 : null;
        job.Error = succeeded ? null : "the job failed outside Conveyor, as recorded";
        EndAttempt(job, succeeded ? AttemptStatus.Completed : AttemptStatus.Failed, context.Message.At, job.ExitCode, job.Error);
    }

    /// <summary>The executor id an external job's attempt names: no executor of Conveyor's holds it.</summary>
    public const string ExternalExecutor = "external";

    static void OpenAttempt(JobLifecycleState job)
    {
        job.AttemptCount++;
        var attempt = new AttemptRecord { AttemptId = NewId.NextGuid(), Number = job.AttemptCount };
        job.Attempts.Add(attempt);
        job.CurrentAttemptId = attempt.AttemptId;
    }

    static void EndAttempt(JobLifecycleState job, string status, DateTimeOffset endedAt, int? exitCode, string? error)
    {
        var attempt = job.CurrentAttempt!;
        attempt.Status = status;
        attempt.EndedAt = endedAt.ToUniversalTime();
        attempt.ExitCode = exitCode;
        attempt.Error = error;
        job.CompletedAt = attempt.EndedAt;
        job.DeadlineAt = null;
    }
}
