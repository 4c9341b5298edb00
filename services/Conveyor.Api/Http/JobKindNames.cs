using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Http;

/// <summary>The wire spelling of job kinds.</summary>
public static class JobKindNames
{
    public static string Of(JobKind kind) => kind switch
    {
        JobKind.Container => "container",
        JobKind.Pipeline => "pipeline",
        JobKind.Data => "data",
        _ => "binary",
    };

    public static bool TryParse(string text, out JobKind kind)
    {
        (var known, kind) = text switch
        {
            "binary" => (true, JobKind.Binary),
            "container" => (true, JobKind.Container),
            "pipeline" => (true, JobKind.Pipeline),
            "data" => (true, JobKind.Data),
            _ => (false, default),
        };
        return known;
    }
}
