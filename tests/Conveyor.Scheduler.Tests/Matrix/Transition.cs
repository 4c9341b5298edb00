namespace Conveyor.Scheduler.Tests.Matrix;

/// <summary>One row of the state × event table: where the event leaves the job, what it answers and what it emits.</summary>
public sealed record Transition(JobStage From, JobEvent Event, JobStage To, Reply Reply = Reply.None, Emitted Emitted = Emitted.None)
{
    /// <summary>
    /// Whether the event changes what is recorded about the job although it stays in its state and emits nothing (a
    /// heartbeat refreshing the running attempt); every other such row must leave the job exactly as it was.
    /// </summary>
    public bool ChangesRecord { get; init; }

    /// <summary>The state does not react: same state, no answer, nothing emitted, nothing recorded.</summary>
    public static Transition Ignored(JobStage stage, JobEvent @event) => new(stage, @event, stage);
}
