using Conveyor.Api.Submissions;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// A Nosana job id (a Solana address, or any string a client picks) as a Conveyor job id: the same name-based UUID
/// every time, so <c>GET /job-definition/:id</c> finds what <c>POST</c> stored and a second POST finds it taken.
/// </summary>
public static class NosanaJobId
{
    public const int MaxLength = 128;

    public static bool IsValid(string id) => id.Length is > 0 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static Guid ToJobId(string id) => DerivedJobId.Of("nosana:" + id);
}
