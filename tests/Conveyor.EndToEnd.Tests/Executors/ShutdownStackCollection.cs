namespace Conveyor.EndToEnd.Tests.Executors;

[CollectionDefinition(Name)]
public sealed class ShutdownStackCollection : ICollectionFixture<ShutdownStackFixture>
{
    public const string Name = "shutdown-stack";
}
