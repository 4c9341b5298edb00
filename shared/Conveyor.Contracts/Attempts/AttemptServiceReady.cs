namespace Conveyor.Contracts.Attempts;

/// <summary>
/// The port a running attempt's container exposes answers now, at <see cref="Url"/> on the executor's host. Sent once per
/// step that serves, after the executor's probe first connects; the saga keeps it on the attempt until the attempt ends.
/// </summary>
public sealed record AttemptServiceReady(Guid JobId, Guid AttemptId, int StepIndex, string Url) : IAttemptMessage;
