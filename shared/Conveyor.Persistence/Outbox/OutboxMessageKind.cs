namespace Conveyor.Persistence.Outbox;

public static class OutboxMessageKind
{
    public const string Publish = "publish";
    public const string Send = "send";
    public const string Respond = "respond";
}
