using Conveyor.Api.Endpoints.Infernet;
using Conveyor.Api.Endpoints.Nexapod;
using Conveyor.Api.Endpoints.Nosana;

namespace Conveyor.Api.Dashboard;

/// <summary>The surface a job came through, told by the type each compatible surface gives its jobs; everything else is native.</summary>
public static class JobSurfaces
{
    public const string Native = "native";

    public static readonly (string Surface, string Type)[] Compatible =
    [
        ("Infernet", InfernetJobs.Type), ("Nosana", NosanaEndpoints.JobType), ("NEXAPod", NexapodEndpoints.JobType),
    ];

    public static string Of(string type) => Compatible.FirstOrDefault(c => c.Type == type).Surface ?? Native;
}
