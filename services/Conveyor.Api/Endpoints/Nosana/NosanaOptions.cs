namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>Section <c>Nosana</c>: the message every client signs, as a Nosana node configures it.</summary>
public sealed class NosanaOptions
{
    public const string Section = "Nosana";

    public string SignMessage { get; set; } = "Hello Nosana Node!";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Beyond the seed: every request signs itself (method, path, body, time and a fresh nonce) instead of the constant
    /// message, so a captured header cannot be used again. See <see cref="NosanaStrictSignature"/>.
    /// </summary>
    public bool Strict { get; set; }

    /// <summary>How far a strict request's timestamp may be from this machine's clock; nonces are remembered this long.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
