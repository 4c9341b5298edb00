namespace Conveyor.Executor.Attempts;

/// <summary>Why a running attempt was cut short; the first reason given wins.</summary>
public enum StopReason
{
    None = 0,
    Timeout = 1,
    Stopped = 2,
    ShuttingDown = 3,
}
