namespace Conveyor.Api.Queries;

/// <summary>Maps the saga's internal states onto the five statuses every API document names.</summary>
public static class PublicStatus
{
    public static string Of(string currentState) => currentState switch
    {
        "Running" => "running",
        "Completed" => "completed",
        "Failed" => "failed",
        "Cancelled" => "cancelled",
        _ => "pending",
    };
}
