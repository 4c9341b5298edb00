namespace Conveyor.Api.Endpoints.Nexapod;

/// <summary>
/// Section <c>Nexapod</c>. NEXAPod's document has no authentication, so its routes answer anyone who can reach the API;
/// turn them off (<c>Nexapod__Enabled=false</c>) where that is not wanted.
/// </summary>
public sealed class NexapodOptions
{
    public const string Section = "Nexapod";

    public bool Enabled { get; set; } = true;
}
