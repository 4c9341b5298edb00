namespace Conveyor.Contracts.Attempts;

/// <summary>An executor asks the saga whether it may run this attempt; answered by <see cref="AttemptGranted"/> or <see cref="AttemptRefused"/>.</summary>
public sealed record StartAttempt(Guid JobId, Guid AttemptId, string ExecutorId, string ExecutorAddress) : IAttemptMessage;
