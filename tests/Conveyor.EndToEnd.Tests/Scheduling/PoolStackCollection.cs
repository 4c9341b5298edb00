namespace Conveyor.EndToEnd.Tests.Scheduling;

[CollectionDefinition(Name)]
public sealed class PoolStackCollection : ICollectionFixture<PoolStackFixture>
{
    public const string Name = "pools";
}
