namespace Conveyor.Notifications.Webhooks;

/// <summary>The receiver's host resolved only to addresses the target policy refuses; retrying cannot help.</summary>
public sealed class TargetRefusedException(string message) : Exception(message);
