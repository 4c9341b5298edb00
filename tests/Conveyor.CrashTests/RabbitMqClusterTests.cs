using Conveyor.TestSupport;
using Xunit.Abstractions;

namespace Conveyor.CrashTests;

/// <summary>
/// The crash suite's guarantee on a three-node RabbitMQ cluster: the services know every node, their durable queues are
/// quorum queues and the execution queues are mirrored. Killing the node that leads the saga's queue mid-run must lose
/// and duplicate nothing.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class RabbitMqClusterTests(CrashReport report, RabbitMqCluster cluster, ITestOutputHelper output) : IClassFixture<RabbitMqCluster>
{
    const int Jobs = 300;

    [Fact]
    public async Task Should_lose_and_duplicate_nothing_when_the_node_leading_the_queues_is_killed()
    {
        _ = cluster;
        var scenario = new CrashScenario("RabbitMQ cluster: kill -9 the node leading the saga's queue",
            on => Faults.KillClusterNodeLeading(on.Stack, "job-lifecycle-state"));
        var outcome = await ScenarioRunner.Run(scenario, settings => SingleHost.Start(settings, TestBroker.Cluster), Jobs);
        ScenarioChecks.NothingLost(outcome, Jobs, report, output);
        ScenarioChecks.NoLostUpdate(outcome);
    }
}
