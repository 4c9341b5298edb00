using Conveyor.Contracts.Jobs;

namespace Conveyor.Persistence.Webhooks;

/// <summary>
/// An HTTP endpoint that wants some job events. Written by the API's subscription endpoints; read by notifications,
/// which signs each delivery with <see cref="Secret"/>.
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }
    public string Url { get; set; } = null!;

    /// <summary>Names from <see cref="WebhookEvents"/>.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>Only jobs of this type, when set.</summary>
    public string? JobType { get; set; }

    public JobPriority? Priority { get; set; }

    /// <summary>Only jobs of this owner (the name of the API key that submitted them), when set; jobs submitted without keys have none.</summary>
    public string? Owner { get; set; }

    /// <summary>The HMAC key. Kept as given, because every delivery must be signed with it.</summary>
    public string Secret { get; set; } = null!;

    public DateTimeOffset CreatedAt { get; set; }
}
