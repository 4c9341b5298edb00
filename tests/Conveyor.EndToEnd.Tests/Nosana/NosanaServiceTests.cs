using System.Net;
using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Nosana;

/// <summary>
/// What a Nosana job keeps while it runs: named volumes its ops share (gone when it ends) and an exposed port reached
/// through the URL the API answers, public to any signer or private behind an unguessable path for its owner only.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class NosanaServiceTests(StackFixture fixture) : IDisposable
{
    const string Image = NosanaJobs.Image;
    readonly NosanaSigner owner = new();
    readonly NosanaSigner stranger = new();
    NosanaJobs Nosana => new(fixture, owner);

    [Fact]
    public async Task Should_share_a_created_volume_between_ops_and_remove_it_when_the_job_ends()
    {
        var id = NosanaJobs.NewId();
        await Nosana.Post(id, $$$"""
            {"jobDefinition":{"version":"0.1","type":"container","global":{"image":"{{{Image}}}"},"ops":[
               {"type":"container/create-volume","id":"make","args":{"name":"shared"}},
               {"type":"container/run","id":"write","args":{"cmd":"echo kept between ops > /data/note","volumes":[{"name":"shared","dest":"/data"}]}},
               {"type":"container/run","id":"read","args":{"cmd":"cat /mnt/note","volumes":[{"name":"shared","dest":"/mnt"}]}}]}}
            """);

        var result = await Nosana.WaitForEnd(id);

        Assert.Equal("success", (string?)result["status"]);
        var ops = result["opStates"]!.AsArray();
        Assert.Equal(["make", "write", "read"], ops.Select(o => (string)o!["operationId"]!));
        Assert.Equal("""[{"type":"stdout","log":"kept between ops"}]""", ops[2]!["logs"]!.ToJsonString());
        Assert.Empty(await LocalDocker.VolumesLabelled($"conveyor.job={await Nosana.JobIdOf(id)}"));
    }

    [Fact]
    public async Task Should_refuse_a_volume_that_no_earlier_op_creates()
    {
        var id = NosanaJobs.NewId();
        var definition = $$$"""
            {"jobDefinition":{"version":"0.1","type":"container","ops":[
               {"type":"container/run","id":"early","args":{"image":"{{{Image}}}","cmd":"true","volumes":[{"name":"later","dest":"/data"}]}},
               {"type":"container/create-volume","id":"make","args":{"name":"later"}}]}}
            """;

        var (status, text) = await owner.Send(fixture.Stack.Api, HttpMethod.Post, $"/job-definition/{id}", definition);

        Assert.Equal((HttpStatusCode.BadRequest, "Invalid job definition: ops[0].args.volumes names a volume no earlier op creates"), (status, text));
        Assert.Equal(0, await Nosana.Stored(id));
    }

    [Fact]
    public async Task Should_answer_the_url_of_an_exposed_port_once_it_serves_to_any_signer()
    {
        var id = NosanaJobs.NewId();
        var port = FreePort.Next();
        var (before, beforeText) = await owner.Send(fixture.Stack.Api, HttpMethod.Get, $"/service/url/{id}");
        await Nosana.Post(id, Serving(port, isPrivate: false, delaySeconds: 2));

        var url = await UrlOnceServed(stranger, id);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var page = await http.GetStringAsync(url + "/index.html");
        await owner.Send(fixture.Stack.Api, HttpMethod.Post, $"/service/stop/{id}");
        await Nosana.WaitForEnd(id);
        var (after, afterText) = await owner.Send(fixture.Stack.Api, HttpMethod.Get, $"/service/url/{id}");

        Assert.Equal((HttpStatusCode.BadRequest, "No exposed url for job id"), (before, beforeText));
        Assert.Equal($"http://127.0.0.1:{port}", url);
        Assert.Equal($"served {id}\n", page);
        Assert.Equal((HttpStatusCode.BadRequest, "No exposed url for job id"), (after, afterText));
        Assert.Empty(await LocalDocker.ContainersLabelled($"conveyor.job={await Nosana.JobIdOf(id)}", runningOnly: true));
    }

    [Fact]
    public async Task Should_serve_a_private_service_only_through_its_owners_unguessable_url()
    {
        var id = NosanaJobs.NewId();
        await Nosana.Post(id, Serving(FreePort.Next(), isPrivate: true, delaySeconds: 0));

        var url = await UrlOnceServed(owner, id);
        var (strangerStatus, strangerText) = await stranger.Send(fixture.Stack.Api, HttpMethod.Get, $"/service/url/{id}");
        var page = await fixture.Stack.Api.GetAsync(new Uri(url).PathAndQuery + "index.html");
        var guessed = await fixture.Stack.Api.GetAsync($"/service/proxy/{id}/{new string('0', 32)}/index.html");
        await owner.Send(fixture.Stack.Api, HttpMethod.Post, $"/service/stop/{id}");
        await Nosana.WaitForEnd(id);

        Assert.Equal((HttpStatusCode.Forbidden, "Invalid address"), (strangerStatus, strangerText));
        Assert.Matches($"^{Regex(fixture.Stack.Api.BaseAddress!.ToString().TrimEnd('/'))}/service/proxy/{id}/[0-9a-f]{{32}}/$", url);
        Assert.Equal((HttpStatusCode.OK, $"served {id}\n"), (page.StatusCode, await page.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
    }

    [Theory]
    [InlineData("""{"type":"container/run","id":"a","args":{"image":"x","expose":[80,81]}}""", "exactly one port")]
    [InlineData("""{"type":"container/run","id":"a","args":{"image":"x","expose":70000}}""", "must be a port")]
    [InlineData("""{"type":"container/run","id":"a","args":{"image":"x","private":"yes"}}""", "private must be true or false")]
    [InlineData("""{"type":"container/create-volume","id":"v","args":{"name":"../etc"}}""", "must be a volume name")]
    [InlineData("""{"type":"container/create-volume","id":"v","args":{"name":"a","size":1}}""", "unknown property ops[0].args.size")]
    public async Task Should_refuse_a_bad_service_or_volume_op_with_a_reason(string op, string reason)
    {
        var id = NosanaJobs.NewId();

        var (status, text) = await owner.Send(fixture.Stack.Api, HttpMethod.Post, $"/job-definition/{id}",
            $$$"""{"jobDefinition":{"version":"0.1","type":"container","ops":[{{{op}}}]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, text);
        Assert.Equal(0, await Nosana.Stored(id));
    }

    /// <summary>A web server on <paramref name="port"/>, started after a delay so that the URL must wait for it.</summary>
    static string Serving(int port, bool isPrivate, int delaySeconds) => $$$"""
        {"jobDefinition":{"version":"0.1","type":"container","ops":[
           {"type":"container/run","id":"web","args":{"image":"{{{Image}}}","expose":{{{port}}},"private":{{{(isPrivate ? "true" : "false")}}},
            "cmd":"sleep {{{delaySeconds}}}; echo served $NOSANA_ID > /work/index.html; exec httpd -f -p 127.0.0.1:{{{port}}} -h /work"}}]}}
        """;

    async Task<string> UrlOnceServed(NosanaSigner signer, string id)
    {
        var deadline = DateTime.UtcNow + NosanaJobs.Patience;
        while (true)
        {
            var (status, text) = await signer.Send(fixture.Stack.Api, HttpMethod.Get, $"/service/url/{id}");
            if (status == HttpStatusCode.OK)
                return text;
            Assert.True((status, text) == (HttpStatusCode.BadRequest, "No exposed url for job id"), $"{(int)status}: {text}");
            Assert.True(DateTime.UtcNow < deadline, $"no URL for {id}");
            await Task.Delay(200);
        }
    }

    static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);

    public void Dispose()
    {
        owner.Dispose();
        stranger.Dispose();
    }
}
