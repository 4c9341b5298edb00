using Conveyor.Persistence.Jobs;
using Conveyor.Scheduler.StateMachines;
using Microsoft.Extensions.Options;

namespace Conveyor.Scheduler.Tests;

/// <summary>
/// The API and the sweeper query <c>jobs.current_state</c> by the names in <see cref="JobStates"/>; a state renamed or
/// added in the machine without them would make those queries silently match nothing.
/// </summary>
public sealed class JobStatesTests
{
    [Fact]
    public void Should_name_exactly_the_state_machines_states()
    {
        var machine = new JobLifecycleStateMachine(Options.Create(new SchedulerOptions()));
        var states = machine.States.Select(s => s.Name).Where(n => n != machine.Initial.Name && n != machine.Final.Name);

        Assert.Equal(states.Order(), JobStates.All.Order());
    }

    [Fact]
    public void Should_map_every_state_to_a_public_status()
    {
        var statuses = JobStates.All.Select(PublicStatus.Of).ToHashSet();

        Assert.Equal(PublicStatus.All.Order(), statuses.Order());
        Assert.All(PublicStatus.All, status => Assert.NotEmpty(PublicStatus.StatesOf(status)));
        Assert.Equal(JobStates.All.Order(), PublicStatus.All.SelectMany(PublicStatus.StatesOf).Order());
    }
}
