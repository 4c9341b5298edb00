using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>The example bus subscriber in tests/Conveyor.ExampleSubscriber, run as the outside program it stands for.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class ExampleSubscriberTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Should_print_each_job_outcome_when_the_example_subscriber_listens_on_the_bus()
    {
        var dll = Path.Combine(TestInfrastructure.RepositoryRoot, "tests", "Conveyor.ExampleSubscriber", "bin", TestInfrastructure.BuildConfiguration, "net10.0",
            "Conveyor.ExampleSubscriber.dll");
        await using var subscriber = ServiceProcess.StartAssembly("Conveyor.ExampleSubscriber", dll, new Dictionary<string, string>
        {
            ["RabbitMq__Host"] = TestInfrastructure.RabbitHost,
            ["RabbitMq__VirtualHost"] = fixture.Stack.VirtualHost.Name,
            ["RabbitMq__Username"] = TestInfrastructure.RabbitUser,
            ["RabbitMq__Password"] = TestInfrastructure.RabbitPassword,
            ["Subscriber__Queue"] = "example-subscriber",
        }, fixture.Stack.LogDirectory);
        await WaitForOutput(subscriber, "listening on queue example-subscriber");

        var completed = await fixture.SubmitJob("subscribed-success");
        var failed = await fixture.SubmitJob("subscribed-failure", "exit 4");

        await WaitForOutput(subscriber, $"job {completed} completed type=subscribed-success exit_code=0");
        await WaitForOutput(subscriber, $"job {failed} failed type=subscribed-failure");
    }

    static async Task WaitForOutput(ServiceProcess process, string line)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (process.Tail(2000).Contains(line))
                return;
            if (process.HasExited)
                break;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{process.Name} never printed \"{line}\":\n{process.Tail()}");
    }
}
