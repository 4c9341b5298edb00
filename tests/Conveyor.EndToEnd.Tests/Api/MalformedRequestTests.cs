using System.Net;
using System.Text;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>
/// Bad requests on every native endpoint: each gets its documented 4xx in the error shape, never a 500, and changes
/// nothing (the fingerprint of every job row is the same before and after).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MalformedRequestTests(ApiStackFixture fixture)
{
    const string Sha = NativeApi.Sha;
    const string Unknown = "3f0c8f5e-0000-4000-8000-000000000001";
    const string Good = $$"""{"type":"t","binary_url":"http://127.0.0.1:9/b","binary_sha256":"{{Sha}}","priority":"foreground"}""";

    public static TheoryData<string, string, string?, int> Requests => new()
    {
        { "POST", "/api/v1/jobs", "", 400 },
        { "POST", "/api/v1/jobs", "{\"type\": \"t\",", 400 },
        { "POST", "/api/v1/jobs", "[1, 2]", 400 },
        { "POST", "/api/v1/jobs", "\"a string\"", 400 },
        { "POST", "/api/v1/jobs", Good.Replace("\"type\":\"t\"", "\"type\":7"), 400 },
        { "POST", "/api/v1/jobs", Good.Replace("\"foreground\"", "3"), 400 },
        { "POST", "/api/v1/jobs", Good.Replace("}", ",\"arguments\":\"-v\"}"), 400 },
        { "POST", "/api/v1/jobs", Good.Replace("}", ",\"env_variables\":{\"A\":1}}"), 400 },
        { "POST", "/api/v1/jobs", Good.Replace("}", ",\"timeout_seconds\":\"60\"}"), 400 },
        { "POST", "/api/v1/jobs", Good.Replace("}", ",\"max_attempts\":0}"), 400 },
        { "POST", "/api/v1/jobs", Good.Replace("}", ",\"retry_on_failure\":\"yes\"}"), 400 },
        { "POST", "/api/v1/jobs", Good.Replace("}", ",\"kind\":\"vm\"}"), 400 },
        { "POST", "/api/v1/jobs", Good.Replace(Sha, Sha[..63]), 400 },
        { "POST", "/api/v1/jobs", Good.Replace("}", ",\"resources\":{\"cpu\":\"lots\"}}"), 400 },
        { "POST", "/api/v1/jobs/bulk", Good, 400 },
        { "POST", "/api/v1/jobs/bulk", "[]", 400 },
        { "POST", "/api/v1/jobs/bulk", $"[{Good}, {Good.Replace("\"foreground\"", "\"urgent\"")}]", 400 },
        { "POST", "/api/v1/jobs/bulk/cancel", "{}", 400 },
        { "POST", "/api/v1/jobs/bulk/cancel", "{\"job_ids\": \"all\"}", 400 },
        { "POST", "/api/v1/jobs/bulk/cancel", "{\"job_ids\": []}", 400 },
        { "POST", "/api/v1/jobs/bulk/cancel", "{\"job_ids\": [1]}", 400 },
        { "POST", "/api/v1/jobs/bulk/cancel", "[\"" + Unknown + "\"]", 400 },
        { "GET", "/api/v1/jobs/not-a-uuid", null, 400 },
        { "DELETE", "/api/v1/jobs/not-a-uuid", null, 400 },
        { "POST", "/api/v1/jobs/not-a-uuid/stop", null, 400 },
        { "GET", $"/api/v1/jobs/{Unknown}", null, 404 },
        { "DELETE", $"/api/v1/jobs/{Unknown}", null, 404 },
        { "POST", $"/api/v1/jobs/{Unknown}/stop", null, 404 },
        { "GET", "/api/v1/jobs?limit=abc", null, 400 },
        { "GET", "/api/v1/jobs?offset=-1", null, 400 },
        { "GET", "/api/v1/admin/executors?all=maybe", null, 400 },
        { "POST", "/api/v1/jobs/claim", "{}", 400 },
        { "POST", "/api/v1/jobs/claim", "{\"executor_id\": 5}", 400 },
        { "POST", "/api/v1/jobs/claim", "{\"executor_id\": \"w 1\"}", 400 },
        { "POST", "/api/v1/jobs/claim", "{\"executor_id\": \"w1\", \"kinds\": [\"vm\"]}", 400 },
        { "POST", "/api/v1/jobs/claim", "{\"executor_id\": \"w1\", \"pool\": 3}", 400 },
        { "POST", "/api/v1/jobs/claim", "{\"executor_id\":", 400 },
        { "PUT", "/api/v1/jobs/not-a-uuid/heartbeat", "{\"executor_id\": \"w1\"}", 400 },
        { "PUT", $"/api/v1/jobs/{Unknown}/heartbeat", "{}", 400 },
        { "PUT", $"/api/v1/jobs/{Unknown}/heartbeat", "{\"executor_id\": \"w1\"}", 404 },
        { "PUT", $"/api/v1/jobs/{Unknown}/complete", "{\"executor_id\": \"w1\", \"exit_code\": \"0\"}", 400 },
        { "PUT", $"/api/v1/jobs/{Unknown}/complete", "{\"executor_id\": \"w1\", \"stdout\": 5}", 400 },
        { "PUT", $"/api/v1/jobs/{Unknown}/complete", "{\"executor_id\": \"w1\"}", 404 },
        { "PUT", $"/api/v1/jobs/{Unknown}/fail", "{\"executor_id\": \"w1\", \"retryable\": \"no\"}", 400 },
        { "PUT", $"/api/v1/jobs/{Unknown}/fail", "{\"executor_id\": \"w1\", \"error_message\": \"x\"}", 404 },
        { "GET", "/api/v1/no-such-thing", null, 404 },
        { "PATCH", "/api/v1/jobs", "{}", 405 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Should_answer_the_documented_error_and_change_nothing(string method, string path, string? body, int expected)
    {
        var before = await fixture.Fingerprint();

        var (status, error) = await fixture.Api.Send(new HttpMethod(method), path, body);

        Assert.True((int)status == expected, $"{method} {path} {body}: answered {(int)status} {error}");
        NativeApi.AssertError(error, $"{method} {path}");
        Assert.Equal(["error", "context"], NativeApi.Fields(error));
        Assert.Equal(before, await fixture.Fingerprint());
    }

    [Fact]
    public async Task Should_answer_413_in_the_error_shape_when_the_body_is_over_the_limit()
    {
        var before = await fixture.Fingerprint();
        var huge = Good.Replace("\"type\":\"t\"", $"\"type\":\"t\",\"padding\":\"{new string('x', 5 * 1024 * 1024)}\"");

        // Expect: 100-continue, as a careful client sends a large body: the server refuses on the declared length alone, so
        // the body is never sent and the client cannot be cut off mid-write (a broken pipe instead of the answer).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = new StringContent(huge, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        using var response = await fixture.Api.Http.SendAsync(request);
        var error = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        NativeApi.AssertError(error, "413");
        Assert.Equal(before, await fixture.Fingerprint());
    }

    [Fact]
    public async Task Should_ignore_unknown_fields()
    {
        var (status, body) = await fixture.Api.Send(HttpMethod.Post, "/api/v1/jobs", Good.Replace("}", ",\"colour\":\"blue\",\"nested\":{\"a\":[1]}}"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("pending", (string?)body!["status"]);
    }
}
