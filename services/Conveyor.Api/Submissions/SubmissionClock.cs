namespace Conveyor.Api.Submissions;

/// <summary>
/// The time a submission is taken, to the microsecond: PostgreSQL keeps no finer, so the <c>created_at</c> a submit
/// answers with is the one every later read of the job shows.
/// </summary>
public static class SubmissionClock
{
    public static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.Ticks % 10));
    }
}
