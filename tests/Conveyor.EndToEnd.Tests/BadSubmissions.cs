using System.Net;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests;

/// <summary>What every rejected submission must show: a 400 in the documented shape, naming the field, and nothing stored.</summary>
public static class BadSubmissions
{
    public static async Task AssertRejected(StackFixture fixture, string reason, string body, string field)
    {
        var before = await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs");

        var response = await fixture.Jobs.PostRaw(body);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{reason}: answered {(int)response.StatusCode}");
        Assert.False(string.IsNullOrWhiteSpace((string?)error["error"]), reason);
        Assert.Equal(field, (string?)error["context"]!["field"]);
        Assert.Equal(before, await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs"));
    }
}
