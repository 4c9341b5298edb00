namespace Conveyor.Api.Subscriptions;

public sealed record DeliveryAttemptView(int Number, DateTime At, int? StatusCode, long LatencyMs, string? Error);
