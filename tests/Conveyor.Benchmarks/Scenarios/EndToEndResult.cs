using Conveyor.Benchmarks.Measurement;

namespace Conveyor.Benchmarks.Scenarios;

/// <summary>One end-to-end run: trivial jobs submitted by the clients and run to completion by the executors.</summary>
public sealed class EndToEndResult
{
    public required string Job { get; init; }
    public required Throughput Throughput { get; init; }
    public required TimeSpan SubmitTime { get; init; }
    public required long Failed { get; init; }

    /// <summary>CPU milliseconds per job: each service, RabbitMQ and PostgreSQL.</summary>
    public required IReadOnlyList<(string Service, double MillisecondsPerItem)> Cpu { get; init; }

    /// <summary>Saga transitions, messages sent and deliveries per job; null when not counted.</summary>
    public BusCounters? Messages { get; init; }
}
