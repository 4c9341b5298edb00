using System.Net;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Nosana;

/// <summary>
/// Seed 000's job definitions on the running stack: signed with real ed25519 keys, run as container pipelines on the
/// real Docker engine, read back by their owner only.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class NosanaApiTests(StackFixture fixture) : IDisposable
{
    static readonly TimeSpan Patience = NosanaJobs.Patience;
    const string Image = NosanaJobs.Image;
    readonly NosanaSigner owner = new();
    readonly NosanaSigner stranger = new();
    NosanaJobs Nosana => new(fixture, owner);

    static string Id() => NosanaJobs.NewId();

    Task<long> Stored(string id) => Nosana.Stored(id);

    Task<string> JobIdOf(string id) => Nosana.JobIdOf(id);

    Task<JsonNode> WaitForEnd(string id) => Nosana.WaitForEnd(id);

    [Fact]
    public async Task Should_run_two_ops_in_order_with_their_environment_and_work_dir_and_report_each()
    {
        var id = Id();
        var definition = $$$"""
            {"jobDefinition":{"version":"0.1","type":"container","meta":{"trigger":"cli"},
             "global":{"image":"{{{Image}}}","env":{"GREETING":"hello","WHO":"global"}},
             "ops":[
               {"type":"container/run","id":"first","args":{"cmd":"echo $GREETING $WHO from $(pwd) for $NOSANA_ID","env":{"WHO":"op"},"work_dir":"/tmp"}},
               {"type":"container/run","id":"second","args":{"cmd":["sh","-c","echo working; echo 'score: 42' >&2"]},"results":{"score":"score: (\\d+)"}}
             ]}}
            """;

        var (status, text) = await owner.Send(fixture.Stack.Api, HttpMethod.Post, $"/job-definition/{id}", definition);
        var result = await WaitForEnd(id);

        Assert.Equal((HttpStatusCode.OK, "Job definition received"), (status, text));
        Assert.Equal("success", (string?)result["status"]);
        var ops = result["opStates"]!.AsArray();
        Assert.Equal(["first", "second"], ops.Select(o => (string)o!["operationId"]!));
        Assert.All(ops, op => Assert.Equal(("success", 0), ((string?)op!["status"], (int?)op["exitCode"])));
        Assert.Equal($$"""[{"type":"stdout","log":"hello op from /tmp for {{id}}"}]""", ops[0]!["logs"]!.ToJsonString());
        Assert.Equal("""{"score":["42"]}""", ops[1]!["results"]!.ToJsonString());
        Assert.True((long)result["startTime"]! <= (long)result["endTime"]!);
        // A job like any other: the native API shows it as a pipeline of two container steps.
        var (_, native) = await fixture.Jobs.Get(await JobIdOf(id));
        Assert.Equal(("completed", "nosana", 2), ((string?)native!["status"], (string?)native["type"], native["steps"]!.AsArray().Count));
    }

    [Fact]
    public async Task Should_fail_the_job_at_a_failing_first_op_and_never_run_the_second()
    {
        var id = Id();
        var definition = $$$"""
            {"jobDefinition":{"version":"0.1","type":"container","ops":[
               {"type":"container/run","id":"breaks","args":{"image":"{{{Image}}}","cmd":"echo about to fail; exit 3"}},
               {"type":"container/run","id":"never","args":{"image":"{{{Image}}}","cmd":"echo should not run"}}]}}
            """;

        Assert.Equal(HttpStatusCode.OK, (await owner.Send(fixture.Stack.Api, HttpMethod.Post, $"/job-definition/{id}", definition)).Status);
        var result = await WaitForEnd(id);

        Assert.Equal("failed", (string?)result["status"]);
        var ops = result["opStates"]!.AsArray();
        Assert.Equal(("failed", 3), ((string?)ops[0]!["status"], (int?)ops[0]!["exitCode"]));
        Assert.Equal(("pending", 0), ((string?)ops[1]!["status"], ops[1]!["logs"]!.AsArray().Count));
    }

    [Fact]
    public async Task Should_let_only_the_signer_of_a_definition_read_it()
    {
        var id = Id();
        await owner.Send(fixture.Stack.Api, HttpMethod.Post, $"/job-definition/{id}", Simple());

        var (status, text) = await stranger.Send(fixture.Stack.Api, HttpMethod.Get, $"/job-definition/{id}");

        Assert.Equal((HttpStatusCode.Forbidden, "Invalid address"), (status, text));
    }

    [Fact]
    public async Task Should_refuse_every_bad_authorization_on_both_endpoints_and_store_nothing()
    {
        var id = Id();
        var before = await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs");
        var forged = owner.Header("another message");
        var truncated = owner.Header()[..^8];
        var badKey = "0OIl" + owner.Header()[4..];
        var cases = new (string? Header, HttpStatusCode Status, string Text)[]
        {
            ("", HttpStatusCode.Unauthorized, "Authorization header is required"),
            ("no-colon", HttpStatusCode.BadRequest, "Invalid Authorization format"),
            (owner.Address + ":", HttpStatusCode.BadRequest, "Invalid Authorization format"),
            (forged, HttpStatusCode.Forbidden, "Invalid signature"),
            (truncated, HttpStatusCode.Forbidden, "Invalid signature"),
            (badKey, HttpStatusCode.Forbidden, "Invalid signature"),
            (owner.Address + ":not*base64", HttpStatusCode.Forbidden, "Invalid signature"),
            ($"{stranger.Address}:{owner.Header().Split(':')[1]}", HttpStatusCode.Forbidden, "Invalid signature"),
        };

        foreach (var (header, expected, text) in cases)
        {
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Get })
            {
                var (status, body) = await owner.Send(fixture.Stack.Api, method, $"/job-definition/{id}",
                    method == HttpMethod.Post ? Simple() : null, header);
                Assert.True((expected, text) == (status, body), $"{method} with '{header}': {(int)status} {body}");
            }
        }
        Assert.Equal(before, await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs"));
    }

    [Theory]
    [InlineData("POST", "/job-definition/{0}")]
    [InlineData("GET", "/job-definition/{0}")]
    [InlineData("POST", "/service/stop/{0}")]
    [InlineData("GET", "/service/url/{0}")]
    public async Task Should_refuse_a_forged_signature_on_every_endpoint_and_change_nothing(string method, string path)
    {
        var id = Id();
        await Nosana.Post(id, Simple());
        await WaitForEnd(id);
        var before = await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs");
        var signature = Convert.FromBase64String(owner.Header().Split(':')[1]);
        signature[7] ^= 0x01;
        var forged = $"{owner.Address}:{Convert.ToBase64String(signature)}";

        var (status, text) = await owner.Send(fixture.Stack.Api, new HttpMethod(method), string.Format(path, method == "POST" && path.StartsWith("/job") ? Id() : id),
            method == "POST" ? Simple() : null, forged);

        Assert.Equal((HttpStatusCode.Forbidden, "Invalid signature"), (status, text));
        Assert.Equal(before, await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs"));
        Assert.Equal("success", (string?)(await WaitForEnd(id))["status"]);
    }

    [Theory]
    [InlineData("""{"jobDefinition":{"version":"0.1","type":"container","ops":[],"extra":1}}""", "unknown property extra")]
    [InlineData("""{"jobDefinition":{"version":"0.1","type":"vm","ops":[{"type":"container/run","id":"a","args":{"image":"x"}}]}}""", "type must be container")]
    [InlineData("""{"jobDefinition":{"type":"container","ops":[{"type":"container/run","id":"a","args":{"image":"x"}}]}}""", "version must be a string")]
    [InlineData("""{"jobDefinition":{"version":"0.1","type":"container","ops":[{"type":"container/run","id":"a","args":{"image":"x"}},{"type":"container/run","id":"a","args":{"image":"x"}}]}}""", "op id a is used twice")]
    [InlineData("""{"jobDefinition":{"version":"0.1","type":"container","ops":[{"type":"container/run","id":"a","args":{}}]}}""", "an image is required")]
    [InlineData("""{"jobDefinition":{"version":"0.1","type":"container","ops":[{"type":"container/run","id":"a","args":{"image":"x","colour":"red"}}]}}""", "unknown property ops[0].args.colour")]
    [InlineData("""{"version":"0.1"}""", "jobDefinition is required")]
    public async Task Should_refuse_a_bad_definition_with_a_reason_and_store_nothing(string definition, string reason)
    {
        var id = Id();

        var (status, text) = await owner.Send(fixture.Stack.Api, HttpMethod.Post, $"/job-definition/{id}", definition);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Invalid job definition", text);
        Assert.Contains(reason, text);
        Assert.Equal(0, await Stored(id));
    }

    [Fact]
    public async Task Should_refuse_a_second_definition_for_the_same_job_id()
    {
        var id = Id();

        var first = await owner.Send(fixture.Stack.Api, HttpMethod.Post, $"/job-definition/{id}", Simple());
        var second = await owner.Send(fixture.Stack.Api, HttpMethod.Post, $"/job-definition/{id}", Simple());

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Contains("already", second.Body);
    }

    [Fact]
    public async Task Should_stop_a_running_job_kill_its_container_and_report_it_stopped()
    {
        var id = Id();
        var definition = $$$"""
            {"jobDefinition":{"version":"0.1","type":"container","ops":[
               {"type":"container/run","id":"sleeper","args":{"image":"{{{Image}}}","cmd":"echo started; sleep 300"}}]}}
            """;
        Assert.Equal(HttpStatusCode.OK, (await owner.Send(fixture.Stack.Api, HttpMethod.Post, $"/job-definition/{id}", definition)).Status);
        var container = await Conveyor.TestSupport.LocalDocker.WaitForContainer($"conveyor.job={await JobIdOf(id)}", Patience);
        Assert.False(string.IsNullOrEmpty(container));

        var (strangerStatus, strangerText) = await stranger.Send(fixture.Stack.Api, HttpMethod.Post, $"/service/stop/{id}");
        var (status, text) = await owner.Send(fixture.Stack.Api, HttpMethod.Post, $"/service/stop/{id}");
        var result = await WaitForEnd(id);

        Assert.Equal((HttpStatusCode.Forbidden, "Invalid address"), (strangerStatus, strangerText));
        Assert.Equal((HttpStatusCode.OK, "job stopped successfully"), (status, text));
        Assert.Equal("stopped", (string?)result["status"]);
        Assert.Empty(await Conveyor.TestSupport.LocalDocker.ContainersLabelled($"conveyor.job={await JobIdOf(id)}", runningOnly: true));
        var (unknownStatus, unknownText) = await owner.Send(fixture.Stack.Api, HttpMethod.Post, $"/service/stop/{Id()}");
        Assert.Equal((HttpStatusCode.BadRequest, "Invalid job id"), (unknownStatus, unknownText));
    }

    [Fact]
    public async Task Should_take_a_request_signed_over_itself_in_strict_mode_once_and_refuse_the_seeds_constant_signature()
    {
        var api = await fixture.Stack.StartAnother("Conveyor.Api", new Dictionary<string, string> { ["Nosana__Strict"] = "true" });
        try
        {
            using var http = new HttpClient { BaseAddress = fixture.Stack.AddressOf(api) };
            var id = Id();
            var path = $"/job-definition/{id}";
            var body = Simple();
            async Task<HttpStatusCode> Post(Dictionary<string, string> headers)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                foreach (var (name, value) in headers)
                    request.Headers.TryAddWithoutValidation(name, value);
                using var response = await http.SendAsync(request);
                return response.StatusCode;
            }
            var headers = owner.StrictHeaders("POST", path, body, "nonce-" + Guid.NewGuid().ToString("N"));

            Assert.Equal(HttpStatusCode.Forbidden, await Post(new Dictionary<string, string> { ["Authorization"] = owner.Header(), ["X-Nosana-Timestamp"] = headers["X-Nosana-Timestamp"], ["X-Nosana-Nonce"] = "other" }));
            Assert.Equal(HttpStatusCode.OK, await Post(headers));
            Assert.Equal(HttpStatusCode.Forbidden, await Post(headers));
            Assert.Equal(1, await Stored(id));
        }
        finally
        {
            api.Kill();
        }
    }

    static string Simple() =>
        $$$"""{"jobDefinition":{"version":"0.1","type":"container","ops":[{"type":"container/run","id":"only","args":{"image":"{{{Image}}}","cmd":"echo hi"}}]}}""";

    public void Dispose()
    {
        owner.Dispose();
        stranger.Dispose();
    }
}
