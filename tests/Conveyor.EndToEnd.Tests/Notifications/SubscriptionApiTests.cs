using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>The subscription endpoints: create, list, read, delete, and bad input answered with 4xx that changes nothing.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class SubscriptionApiTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Should_list_read_and_delete_a_subscription_and_send_nothing_after_deletion()
    {
        var hook = fixture.Receiver.Add("deleted");
        var created = await fixture.Webhooks.Subscribe(new
        {
            url = hook.Url, events = new[] { "completed", "failed", "completed" }, job_type = "deleted-job", priority = "foreground",
        });
        var id = (string)created["id"]!;

        Assert.True(((string?)created["secret"])?.Length >= 16, "a generated secret is returned once");
        Assert.Equal(["completed", "failed"], created["events"]!.AsArray().Select(e => (string)e!));
        Assert.Equal("foreground", (string?)created["priority"]);
        Assert.EndsWith("Z", (string?)created["created_at"]);

        var (status, read) = await fixture.Webhooks.Send(HttpMethod.Get, $"/api/v1/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(hook.Url, (string?)read!["url"]);
        Assert.False(read.AsObject().ContainsKey("secret"), "the secret is shown only when created");

        var (_, list) = await fixture.Webhooks.Send(HttpMethod.Get, "/api/v1/subscriptions?limit=1000");
        Assert.Contains(list!.AsArray(), s => (string?)s!["id"] == id);

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Webhooks.Send(HttpMethod.Delete, $"/api/v1/subscriptions/{id}")).Status);
        var (gone, error) = await fixture.Webhooks.Send(HttpMethod.Get, $"/api/v1/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.Equal(id, (string?)error!["context"]!["subscription_id"]);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Webhooks.Send(HttpMethod.Delete, $"/api/v1/subscriptions/{id}")).Status);

        var jobId = await fixture.SubmitJob("deleted-job");
        await fixture.Jobs.WaitForTerminal(jobId);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(hook.Received);
    }

    public static TheoryData<string, string, string> BadSubscriptions => new()
    {
        { "malformed JSON", "{\"url\":", "body" },
        { "not an object", "[]", "body" },
        { "missing url", """{"events":["completed"]}""", "url" },
        { "url with another scheme", """{"url":"ftp://127.0.0.1/hook","events":["completed"]}""", "url" },
        { "relative url", """{"url":"/hooks/x","events":["completed"]}""", "url" },
        { "private-range address", """{"url":"http://10.1.2.3/hook","events":["completed"]}""", "url" },
        { "link-local metadata address", """{"url":"http://169.254.169.254/latest","events":["completed"]}""", "url" },
        { "credentials in the url", """{"url":"http://user:pw@127.0.0.1/hook","events":["completed"]}""", "url" },
        { "no events", """{"url":"http://127.0.0.1/hook","events":[]}""", "events" },
        { "unknown event", """{"url":"http://127.0.0.1/hook","events":["exploded"]}""", "events" },
        { "events not strings", """{"url":"http://127.0.0.1/hook","events":[1]}""", "events" },
        { "priority outside the enum", """{"url":"http://127.0.0.1/hook","events":["completed"],"priority":"urgent"}""", "priority" },
        { "job_type with spaces", """{"url":"http://127.0.0.1/hook","events":["completed"],"job_type":"two words"}""", "job_type" },
        { "secret too short", """{"url":"http://127.0.0.1/hook","events":["completed"],"secret":"short"}""", "secret" },
    };

    [Theory]
    [MemberData(nameof(BadSubscriptions))]
    public async Task Should_answer_400_and_store_nothing_when_a_subscription_is_bad(string reason, string body, string field)
    {
        var before = await fixture.Stack.Database.Scalar("SELECT count(*) FROM webhook_subscriptions");

        var response = await fixture.Stack.Api.PostAsync("/api/v1/subscriptions", new StringContent(body, Encoding.UTF8, "application/json"));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{reason}: answered {(int)response.StatusCode}");
        Assert.False(string.IsNullOrWhiteSpace((string?)error["error"]), reason);
        Assert.Equal(field, (string?)error["context"]!["field"]);
        Assert.Equal(before, await fixture.Stack.Database.Scalar("SELECT count(*) FROM webhook_subscriptions"));
    }

    [Theory]
    [InlineData("GET", "/api/v1/subscriptions/not-a-uuid", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/subscriptions/6f1c0a52-0000-4000-8000-000000000000", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/subscriptions/6f1c0a52-0000-4000-8000-000000000000/deliveries", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/subscriptions?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/subscriptions?offset=-1", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/v1/subscriptions/6f1c0a52-0000-4000-8000-000000000000/deliveries/6f1c0a52-0000-4000-8000-000000000001/redeliver", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/jobs/not-a-uuid/events", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/jobs/6f1c0a52-0000-4000-8000-000000000000/events", HttpStatusCode.NotFound)]
    public async Task Should_answer_in_the_error_shape_when_an_id_or_page_is_wrong(string method, string path, HttpStatusCode expected)
    {
        var (status, body) = await fixture.Webhooks.Send(new HttpMethod(method), path);

        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrWhiteSpace((string?)body!["error"]));
        Assert.NotNull(body["context"]);
    }
}
