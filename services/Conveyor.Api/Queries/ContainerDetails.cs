namespace Conveyor.Api.Queries;

/// <summary>A container as submitted, in the submit's own field names.</summary>
public sealed record ContainerDetails
{
    public required string Image { get; init; }
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public IReadOnlyList<string>? Cmd { get; init; }
    public string? WorkDir { get; init; }
    public int Gpu { get; init; }
    public int? ExposedPort { get; init; }
}
