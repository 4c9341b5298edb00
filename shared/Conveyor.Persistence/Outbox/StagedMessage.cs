namespace Conveyor.Persistence.Outbox;

/// <summary>A message a transition staged: its stored row, and the message itself, so that it is sent without being read back.</summary>
public sealed record StagedMessage(OutboxMessage Row, object Message, Type Type);
