namespace Conveyor.Scheduler.Tests.Matrix;

/// <summary>The whole state × event table, one row per pair.</summary>
public static class StateEventMatrix
{
    public static IReadOnlyList<Transition> Rows { get; } =
    [
        .. PendingTransitions.Rows,
        .. WaitingTransitions.Rows,
        .. RunningTransitions.Rows,
        .. StoppingTransitions.Rows,
        .. FinishedTransitions.Rows,
    ];

    public static bool IsFinished(JobStage stage) => FinishedTransitions.Stages.Contains(stage);
}
