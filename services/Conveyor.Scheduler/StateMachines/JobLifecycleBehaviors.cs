using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Messaging.Topology;
using Conveyor.Persistence.Jobs;
using MassTransit;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>The work behind each transition, kept out of the state machine so that it reads as a table.</summary>
public static class JobLifecycleBehaviors
{
    public static void Record(BehaviorContext<JobLifecycleState, SubmitJob> context, SchedulerOptions options)
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
        job.TimeoutSeconds = definition.TimeoutSeconds;
        job.MaxAttempts = definition.MaxAttempts ?? options.DefaultMaxAttempts;
        job.RetryOnFailure = definition.RetryOnFailure;
        job.RecordKind(definition);
        job.CreatedAt = context.Message.SubmittedAt.ToUniversalTime();
        OpenAttempt(job);
    }

    /// <summary>Puts the job's current attempt on its pool's priority queue.</summary>
    public static async Task Dispatch(BehaviorContext<JobLifecycleState> context)
    {
        var job = context.Saga;
        var message = new ExecuteJob
        {
            JobId = job.CorrelationId,
            AttemptId = job.CurrentAttemptId!.Value,
            AttemptNumber = job.AttemptCount,
            Definition = ToDefinition(job),
        };
        var endpoint = await context.GetSendEndpoint(ExecutionQueues.Address(job.Pool));
        await endpoint.Send(message, send => send.TrySetPriority(ExecutionQueues.PriorityOf(job.Priority)), context.CancellationToken);
    }

    public static Task Accept(BehaviorContext<JobLifecycleState, SubmitJob> context) =>
        context.RespondAsync(new JobAccepted(context.Saga.CorrelationId, context.Saga.CreatedAt));

    public static bool IsCurrentAttempt(BehaviorContext<JobLifecycleState, StartAttempt> context) =>
        context.Message.AttemptId == context.Saga.CurrentAttemptId;

    public static bool IsCurrentAttempt(BehaviorContext<JobLifecycleState, AttemptCompleted> context) =>
        context.Message.AttemptId == context.Saga.CurrentAttemptId;

    public static bool IsCurrentAttempt(BehaviorContext<JobLifecycleState, AttemptFailed> context) =>
        context.Message.AttemptId == context.Saga.CurrentAttemptId;

    public static void StartAttempt(BehaviorContext<JobLifecycleState, StartAttempt> context)
    {
        var job = context.Saga;
        var attempt = job.CurrentAttempt!;
        var now = DateTimeOffset.UtcNow;
        attempt.ExecutorId = context.Message.ExecutorId;
        attempt.ExecutorIp = context.Message.ExecutorAddress;
        attempt.StartedAt = now;
        attempt.Status = AttemptStatus.Running;
        job.ExecutorId = context.Message.ExecutorId;
        job.StartedAt = now;
    }

    public static async Task Grant(BehaviorContext<JobLifecycleState, StartAttempt> context)
    {
        var job = context.Saga;
        await context.RespondAsync(new AttemptGranted(job.CorrelationId, context.Message.AttemptId));
        await context.Publish(new AttemptStarted(job.CorrelationId, context.Message.AttemptId, context.Message.ExecutorId, job.StartedAt!.Value));
    }

    public static Task Refuse(BehaviorContext<JobLifecycleState, StartAttempt> context, string reason) =>
        context.RespondAsync(new AttemptRefused(context.Saga.CorrelationId, context.Message.AttemptId, reason));

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
        job.Stdout = report.Stdout;
        job.Stderr = report.Stderr;
        job.Error = report.Error;
        job.RecordSteps(report.Steps);
        EndAttempt(job, AttemptStatus.Failed, report.FailedAt, exitCode: null, report.Error);
    }

    public static JobCompleted ToJobCompleted(JobLifecycleState job) => new()
    {
        JobId = job.CorrelationId,
        Type = job.Type,
        ExitCode = job.ExitCode ?? 0,
        CompletedAt = job.CompletedAt!.Value,
    };

    public static JobFailed ToJobFailed(JobLifecycleState job) => new()
    {
        JobId = job.CorrelationId,
        Type = job.Type,
        ExitCode = job.ExitCode,
        Error = job.Error ?? "failed",
        FailedAt = job.CompletedAt!.Value,
    };

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
    }

    static JobDefinition ToDefinition(JobLifecycleState job) => new JobDefinition
    {
        Type = job.Type,
        BinaryUrl = job.BinaryUrl,
        BinarySha256 = job.BinarySha256,
        Arguments = job.Arguments,
        EnvVariables = job.EnvVariables,
        Priority = job.Priority,
        Resources = job.Resources,
        TimeoutSeconds = job.TimeoutSeconds,
        MaxAttempts = job.MaxAttempts,
        RetryOnFailure = job.RetryOnFailure,
    }.WithKind(job);
}
