using Conveyor.Benchmarks.Measurement;

namespace Conveyor.Benchmarks.Scenarios;

/// <summary>Every figure of one run, Conveyor's and the baselines'.</summary>
public sealed class Results
{
    public Throughput? RabbitPublishes { get; set; }
    public Latencies? RabbitLatency { get; set; }
    public Throughput? PostgresCommits { get; set; }
    public Latencies? PostgresLatency { get; set; }

    public Throughput? Submissions { get; set; }
    /// <summary>Null when the server has no bulk endpoint.</summary>
    public Throughput? BulkSubmissions { get; set; }
    public int BulkBatchSize { get; set; }
    public Throughput? EndToEnd { get; set; }
    public long EndToEndFailed { get; set; }
    public TimeSpan EndToEndSubmitTime { get; set; }
    public Latencies? IdleDispatch { get; set; }
    public Latencies? LoadedForeground { get; set; }
    public long WaitingBefore { get; set; }
    public long WaitingAfter { get; set; }

    /// <summary>Services' CPU milliseconds per accepted single submission (row 1) and per end-to-end job (row 2).</summary>
    public IReadOnlyList<(string Service, double MillisecondsPerItem)> SubmissionCpu { get; set; } = [];
    public IReadOnlyList<(string Service, double MillisecondsPerItem)> EndToEndCpu { get; set; } = [];
}
