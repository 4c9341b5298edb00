namespace Conveyor.EndToEnd.Tests.MalformedInput;

/// <summary>One request that no endpoint may accept: what it breaks, and the raw parts to send.</summary>
public sealed record MalformedRequest(string Fault, string Method, string Path, byte[]? Body = null)
{
    public override string ToString() => $"{Method} {Path} ({Fault})";
}
