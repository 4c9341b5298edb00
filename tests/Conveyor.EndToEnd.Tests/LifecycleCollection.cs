namespace Conveyor.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class LifecycleCollection : ICollectionFixture<LifecycleStackFixture>
{
    public const string Name = "lifecycle";
}
