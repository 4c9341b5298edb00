namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>Section <c>Nosana</c>: the message every client signs, as a Nosana node configures it.</summary>
public sealed class NosanaOptions
{
    public const string Section = "Nosana";

    public string SignMessage { get; set; } = "Hello Nosana Node!";

    public bool Enabled { get; set; } = true;
}
