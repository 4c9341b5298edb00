namespace Conveyor.Contracts.Jobs;

/// <summary>A container to run: the image and how to start it. Limits come from the job's <see cref="JobResources"/>.</summary>
public sealed record ContainerSpec
{
    public string Image { get; init; } = "";

    /// <summary>Replaces the image's entrypoint when set.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Replaces the image's command when set.</summary>
    public IReadOnlyList<string>? Cmd { get; init; }

    public IReadOnlyDictionary<string, string> EnvVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>Working directory inside the container; <c>/work</c>, the writable scratch directory, when unset.</summary>
    public string? WorkDir { get; init; }

    /// <summary>GPUs requested from the engine; 0 for none.</summary>
    public int Gpu { get; init; }

    /// <summary>A port the container serves on, published on the executor's host.</summary>
    public int? ExposedPort { get; init; }

    /// <summary>
    /// Set for a private service (a Nosana op's <c>private</c>): its URL is then the API's, with this unguessable token in
    /// the path, and is shown only to the job's owner. The executor does not use it.
    /// </summary>
    public string? ServiceToken { get; init; }

    /// <summary>The job's named volumes this container mounts, shared with its other steps.</summary>
    public IReadOnlyList<VolumeMount>? Volumes { get; init; }
}
