using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Runtimes.Output;

/// <summary>Opens the log stream of an attempt, or none when streaming is switched off.</summary>
public sealed class AttemptLogs(IBus bus, IOptions<ExecutorOptions> options, ILogger<AttemptLog> logger)
{
    public AttemptLog? Open(Guid jobId, Guid attemptId) =>
        options.Value.StreamLogs ? new AttemptLog(bus, jobId, attemptId, options.Value.MaxStreamedLogLines, logger) : null;
}
