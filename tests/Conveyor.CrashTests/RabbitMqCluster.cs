using Conveyor.TestSupport;

namespace Conveyor.CrashTests;

/// <summary>
/// The three-node cluster of infra/scripts/rabbitmq-cluster.sh, started for the tests that need it and removed after
/// them, data and all.
/// </summary>
public sealed class RabbitMqCluster : IAsyncLifetime
{
    public Task InitializeAsync() => RabbitMqClusterScript.Start();

    public Task DisposeAsync() => RabbitMqClusterScript.Stop();
}
