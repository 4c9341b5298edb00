namespace Conveyor.Webhooks.Routing;

/// <summary>The broker could not be told which job events notifications needs: it was unreachable or refused.</summary>
public sealed class WebhookRoutingUnavailableException(Exception inner)
    : Exception("the broker could not route job events to notifications: " + inner.Message, inner);
