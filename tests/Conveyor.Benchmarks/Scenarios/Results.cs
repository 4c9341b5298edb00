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
    /// <summary>The end-to-end row with a real ELF binary, and with a shell script.</summary>
    public EndToEndResult? EndToEnd { get; set; }
    public EndToEndResult? EndToEndScript { get; set; }
    public Latencies? IdleDispatch { get; set; }
    public Latencies? LoadedForeground { get; set; }
    public string? LoadedForegroundStages { get; set; }
    public IReadOnlyList<(string Service, double MillisecondsPerItem)> LoadedCpu { get; set; } = [];
    public long WaitingBefore { get; set; }
    public long WaitingAfter { get; set; }

    /// <summary>Row 6: the dashboard's overview and first job-list page, with <see cref="DashboardRows"/> jobs in the table.</summary>
    public Latencies? DashboardOverview { get; set; }
    public Latencies? DashboardJobList { get; set; }
    public long DashboardRows { get; set; }

    /// <summary>CPU milliseconds per accepted single submission (row 1).</summary>
    public IReadOnlyList<(string Service, double MillisecondsPerItem)> SubmissionCpu { get; set; } = [];

    /// <summary>Resident memory per service once started and idle, and at the end of the run.</summary>
    public IReadOnlyList<(string Service, double Megabytes)> MemoryIdle { get; set; } = [];
    public IReadOnlyList<(string Service, double Megabytes)> MemoryAtEnd { get; set; } = [];
}
