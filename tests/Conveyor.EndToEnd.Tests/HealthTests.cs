using System.Net;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests;

[Collection(StackCollection.Name)]
public sealed class HealthTests(StackFixture fixture)
{
    [Fact]
    public async Task Should_report_database_and_broker_connected_when_both_answer()
    {
        var response = await fixture.Stack.Api.GetAsync("/api/v1/health");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (string?)body["status"]);
        Assert.Equal("connected", (string?)body["database"]);
        Assert.Equal("connected", (string?)body["broker"]);
    }
}
