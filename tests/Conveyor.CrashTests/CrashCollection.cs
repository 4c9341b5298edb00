namespace Conveyor.CrashTests;

[CollectionDefinition(Name)]
public sealed class CrashCollection : ICollectionFixture<CrashReport>
{
    public const string Name = "crash";
}
