namespace Conveyor.Scheduler.Tests.Matrix;

/// <summary>
/// Completed, Failed and Cancelled behave alike: a repeated submission is accepted again, commands are rejected, starts
/// refused, and every report or supervision event is ignored.
/// </summary>
public static class FinishedTransitions
{
    public static readonly JobStage[] Stages = [JobStage.Completed, JobStage.Failed, JobStage.Cancelled];

    public static IEnumerable<Transition> Rows =>
        from stage in Stages
        from @event in Enum.GetValues<JobEvent>()
        select new Transition(stage, @event, stage, ReplyTo(@event));

    static Reply ReplyTo(JobEvent @event) => @event switch
    {
        JobEvent.SubmitAgain => Reply.Accepted,
        JobEvent.Cancel or JobEvent.Stop or JobEvent.RecordedAsExternal => Reply.CommandRejected,
        JobEvent.StartCurrentAttempt or JobEvent.StartOtherAttempt => Reply.Refused,
        _ => Reply.None,
    };
}
