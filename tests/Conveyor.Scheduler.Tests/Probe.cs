using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Scheduler.StateMachines;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conveyor.Scheduler.Tests;

public sealed class Probe
{
    [Fact]
    public async Task Should_print_when_probing()
    {
        await using var provider = new ServiceCollection()
            .AddMassTransitTestHarness(x => x.AddSagaStateMachine<JobLifecycleStateMachine, JobLifecycleState>())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var id = NewId.NextGuid();
        var def = new JobDefinition { Type = "t", BinaryUrl = "http://x", BinarySha256 = new string('a', 64), Priority = JobPriority.Foreground };
        try
        {
            var r = await harness.GetRequestClient<SubmitJob>().GetResponse<JobAccepted>(new SubmitJob(id, def, DateTimeOffset.UtcNow));
            Console.WriteLine("RESP " + r.Message);
        }
        catch (Exception e) { Console.WriteLine("EXC " + e.GetType() + " " + e.Message); }
        foreach (var s in harness.Sent.Select<ExecuteJob>()) Console.WriteLine("SENT " + s.Context.DestinationAddress + " " + s.Message.AttemptId);
        foreach (var s in harness.Published.Select<JobSubmitted>()) Console.WriteLine("PUB " + s.Context.DestinationAddress);
        var saga = harness.GetSagaStateMachineHarness<JobLifecycleStateMachine, JobLifecycleState>().Sagas.Contains(id);
        Console.WriteLine("SAGA " + saga?.CurrentState + " " + saga?.CurrentAttemptId);
    }
}
