namespace Conveyor.EndToEnd.Tests.Api;

[CollectionDefinition(Name)]
public sealed class ApiKeyCollection : ICollectionFixture<ApiKeyStackFixture>
{
    public const string Name = "api-keys";
}
