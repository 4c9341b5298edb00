namespace Conveyor.Executor.Attempts;

/// <summary>
/// How one binary or container of an attempt ended: it exited (<see cref="ExitCode"/>), or it could not run to its end
/// (<see cref="Error"/>, with whether another try could succeed), or it was interrupted (the attempt was stopped).
/// </summary>
public sealed record StepOutcome
{
    public int? ExitCode { get; init; }
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";
    public bool StdoutTruncated { get; init; }
    public string? Error { get; init; }
    public bool Retryable { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset EndedAt { get; init; }

    public bool Succeeded => ExitCode == 0;

    public bool Exited => ExitCode is not null;
}
