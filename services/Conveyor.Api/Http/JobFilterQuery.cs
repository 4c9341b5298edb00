using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;

namespace Conveyor.Api.Http;

/// <summary>The <c>status</c>, <c>type</c> and <c>priority</c> filters of the job list and the all-jobs stream, checked once.</summary>
public sealed record JobFilterQuery(string? Status, string? Type, JobPriority? Priority)
{
    public static bool TryParse(HttpRequest request, out JobFilterQuery filter, out IResult error)
    {
        filter = new JobFilterQuery(null, null, null);
        error = null!;
        var status = request.Query["status"].ToString();
        if (status.Length > 0 && !PublicStatus.All.Contains(status))
        {
            error = ApiError.BadRequest($"status must be one of {string.Join(", ", PublicStatus.All)}", "status");
            return false;
        }
        var priorityText = request.Query["priority"].ToString();
        var priority = default(JobPriority);
        if (priorityText.Length > 0 && !JobPriorityNames.TryParse(priorityText, out priority))
        {
            error = ApiError.BadRequest("priority must be one of foreground, background, best_effort", "priority");
            return false;
        }
        var type = request.Query["type"].ToString();
        filter = new JobFilterQuery(status.Length > 0 ? status : null, type.Length > 0 ? type : null,
            priorityText.Length > 0 ? priority : null);
        return true;
    }
}
