using Conveyor.Scheduler.StateMachines;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Scheduler.Tests.Matrix;

/// <summary>The table keeps up with the machine: a state or event added to the saga fails here until the table covers it.</summary>
public sealed class StateEventMatrixCompletenessTests
{
    static readonly JobLifecycleStateMachine Machine = new(Options.Create(new SchedulerOptions()));

    [Fact]
    public void Should_have_exactly_one_row_for_every_stage_and_event_when_the_table_is_built()
    {
        var expected = from stage in Enum.GetValues<JobStage>() from @event in Enum.GetValues<JobEvent>() select (stage, @event);

        var pairs = StateEventMatrix.Rows.Select(row => (row.From, row.Event)).ToList();

        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.Equal(expected.Order(), pairs.Order());
    }

    [Fact]
    public void Should_stage_every_state_of_the_machine_when_the_stages_are_listed()
    {
        var states = Machine.States.Select(state => state.Name).Where(name => name is not "Initial" and not "Final");

        Assert.Equal(states.Order(), Enum.GetNames<JobStage>().Order());
    }

    [Fact]
    public void Should_send_every_message_the_machine_consumes_when_the_events_are_listed()
    {
        var consumed = Machine.Events.Select(MessageTypeOf).OfType<Type>().Select(type => type.FullName);
        var id = NewId.NextGuid();

        var sent = Enum.GetValues<JobEvent>().Select(@event => JobEventMessages.For(@event, id, id, id).GetType().FullName).Distinct();

        Assert.Equal(consumed.Order(), sent.Order());
    }

    /// <summary>The message of a data event; null for the events MassTransit raises on entering and leaving states.</summary>
    static Type? MessageTypeOf(Event @event) => @event.GetType().GetInterfaces()
        .FirstOrDefault(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Event<>))?.GetGenericArguments()[0];
}
