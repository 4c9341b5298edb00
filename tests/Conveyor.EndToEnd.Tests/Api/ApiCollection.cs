namespace Conveyor.EndToEnd.Tests.Api;

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiStackFixture>
{
    public const string Name = "native-api";
}
