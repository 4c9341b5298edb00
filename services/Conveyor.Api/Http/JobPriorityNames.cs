using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Http;

/// <summary>Seed 003's spelling of priorities.</summary>
public static class JobPriorityNames
{
    public static string Of(JobPriority priority) => priority switch
    {
        JobPriority.Foreground => "foreground",
        JobPriority.Background => "background",
        _ => "best_effort",
    };

    public static bool TryParse(string text, out JobPriority priority)
    {
        (var known, priority) = text switch
        {
            "foreground" => (true, JobPriority.Foreground),
            "background" => (true, JobPriority.Background),
            "best_effort" => (true, JobPriority.BestEffort),
            _ => (false, default),
        };
        return known;
    }
}
