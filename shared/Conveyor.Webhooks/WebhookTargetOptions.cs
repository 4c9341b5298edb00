namespace Conveyor.Webhooks;

/// <summary>
/// Section <c>Webhooks</c>, read by the API (when a subscription is created) and by notifications (on every connection).
/// Both default to refusing, so a subscription cannot make Conveyor call into its own host or network.
/// </summary>
public sealed class WebhookTargetOptions
{
    public const string Section = "Webhooks";

    /// <summary>Allow 127.0.0.0/8, ::1, 0.0.0.0 and <c>localhost</c> (tests and single-machine setups).</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Allow 10/8, 172.16/12, 192.168/16, 100.64/10, link-local (cloud metadata lives there), unique-local and multicast.</summary>
    public bool AllowPrivateNetworks { get; set; }
}
