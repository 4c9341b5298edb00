namespace Conveyor.Api.Security;

/// <summary>
/// Who is calling: the name of the API key presented, and its role. With keys off every caller is the local admin, and
/// jobs have no owner.
/// </summary>
public sealed record ApiCaller(string? Name, ApiRole Role)
{
    public static ApiCaller Local { get; } = new(null, ApiRole.Admin);

    /// <summary>The owner whose jobs this caller is confined to; null for an admin, who sees every job.</summary>
    public string? OwnerScope => Role == ApiRole.Admin ? null : Name;

    public bool CanSee(string? owner) => Role == ApiRole.Admin || owner == Name;
}
