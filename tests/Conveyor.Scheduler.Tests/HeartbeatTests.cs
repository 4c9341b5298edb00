using Conveyor.Contracts.Attempts;

namespace Conveyor.Scheduler.Tests;

/// <summary>Only the running attempt's own heartbeats keep it alive in the eyes of supervision.</summary>
public sealed class HeartbeatTests
{
    [Fact]
    public async Task Should_refresh_the_last_heartbeat_when_the_current_attempt_beats_while_running()
    {
        await using var scenario = await JobScenario.At(JobStage.Running);
        // Read after the grant stamped its own heartbeat: only a refresh can land at or after it.
        var before = DateTimeOffset.UtcNow;

        await scenario.Apply(JobEvent.CurrentAttemptBeats);

        Assert.InRange(scenario.Job.LastHeartbeatAt!.Value, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Should_keep_the_last_heartbeat_when_another_attempt_beats_while_running()
    {
        await using var scenario = await JobScenario.At(JobStage.Running);
        var granted = scenario.Job.LastHeartbeatAt;

        await scenario.Apply(JobEvent.StaleAttemptBeats);

        Assert.Equal(granted, scenario.Job.LastHeartbeatAt);
    }

    [Theory]
    [InlineData(JobStage.Pending)]
    [InlineData(JobStage.Waiting)]
    [InlineData(JobStage.Stopping)]
    [InlineData(JobStage.Completed)]
    [InlineData(JobStage.Failed)]
    [InlineData(JobStage.Cancelled)]
    public async Task Should_keep_the_last_heartbeat_when_the_current_attempt_beats_in_a_state_other_than_running(JobStage stage)
    {
        await using var scenario = await JobScenario.At(stage);
        var last = scenario.Job.LastHeartbeatAt;

        await scenario.Scheduler.Report(new AttemptHeartbeat(scenario.JobId, scenario.CurrentAttemptId, AttemptMessages.ExecutorId, DateTimeOffset.UtcNow));

        Assert.Equal(last, scenario.Job.LastHeartbeatAt);
    }
}
