using Conveyor.Executor.Runtimes.Process;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Runtimes.Output;

/// <summary>Opens the live log of an attempt, shared by all its steps and runtimes, or none when streaming is switched off.</summary>
public sealed class AttemptLogs(IBus bus, IOptions<ExecutorOptions> options, ILogger<JobLogBatcher> logger)
{
    public JobLogBatcher? Open(Guid jobId, Guid attemptId) => options.Value.StreamLogs ? new JobLogBatcher(bus, jobId, attemptId, logger) : null;
}
