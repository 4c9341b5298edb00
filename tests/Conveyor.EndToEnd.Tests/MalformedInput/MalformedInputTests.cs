using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Conveyor.EndToEnd.Tests.MalformedInput;

/// <summary>
/// Hundreds of requests generated from the native API's own OpenAPI document, each breaking it in one way, sent to a
/// running stack: every answer is a 4xx in the documented error shape, and nothing is stored. A surface added to the
/// API joins by adding its document to <see cref="Surfaces"/>.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class MalformedInputTests(StackFixture fixture, ITestOutputHelper output) : IDisposable
{
    static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Container and pipeline jobs, whose fields the document's binary example does not use.</summary>
    static readonly Dictionary<string, JsonNode[]> MoreExamples = Examples();

    static Dictionary<string, JsonNode[]> Examples()
    {
        var container = JsonNode.Parse("""
            {"type":"c","kind":"container","image":"conveyor/busybox:latest","entrypoint":["/bin/sh"],"cmd":["-c","true"],
             "work_dir":"/","exposed_port":8080,"env_variables":{"A":"1"},"priority":"background","timeout_seconds":60}
            """)!;
        var pipeline = JsonNode.Parse("""
            {"type":"p","kind":"pipeline","steps":[{"image":"conveyor/busybox:latest","cmd":["true"]}],"input":"x",
             "priority":"background","max_attempts":2,"retry_on_failure":true}
            """)!;
        return new Dictionary<string, JsonNode[]>
        {
            ["POST /api/v1/jobs"] = [container, pipeline],
            ["POST /api/v1/jobs/bulk"] = [new JsonArray(container.DeepClone()), new JsonArray(pipeline.DeepClone())],
        };
    }

    /// <summary>Each surface: where its document is (served by the API, or this project's own description) and its error shape.</summary>
    public static TheoryData<string, string> Surfaces => new()
    {
        { "native v1", "/api/v1/openapi.json" },
        { "Infernet", "infernet.openapi.json" },
        { "NEXAPod", "nexapod.openapi.json" },
        { "Nosana", "nosana.openapi.json" },
    };

    /// <summary>Nosana's requests are signed, so that what is malformed is the request, not its signature.</summary>
    readonly Nosana.NosanaSigner signer = new();
    string? authorization;

    /// <summary>Nosana answers errors in plain text: a sentence, not a JSON shape.</summary>
    bool plainText;

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Should_answer_every_malformed_request_with_a_4xx_in_the_error_shape_and_store_nothing(string surface, string documentPath)
    {
        var document = JsonNode.Parse(await Document(documentPath))!;
        shape = surface switch { "Infernet" => InfernetShape, "NEXAPod" => NexapodShape, _ => NativeShape };
        authorization = surface == "Nosana" ? signer.Header() : null;
        plainText = surface == "Nosana";
        var requests = MalformedRequests.For(document, MoreExamples).ToList();
        Assert.True(requests.Count >= 50, $"{surface}: only {requests.Count} malformed requests were generated");
        var before = await DatabaseFootprint.Of(fixture.Stack.Database);

        var faults = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        foreach (var request in requests)
        {
            var (status, fault) = await Verdict(request);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (fault is not null)
                faults.Add($"{request}: {fault}");
        }
        output.WriteLine($"{surface}: {requests.Count} requests; answers {string.Join(", ", statuses.Select(s => $"{s.Key} ×{s.Value}"))}");

        Assert.True(faults.Count == 0, $"{surface}: {faults.Count} of {requests.Count} answered wrongly:\n" + string.Join("\n", faults));
        Assert.Equal(before, await DatabaseFootprint.Of(fixture.Stack.Database));
    }

    Func<JsonObject, bool> shape = NativeShape;

    /// <summary>Seed 003's <c>{error, context}</c>.</summary>
    static bool NativeShape(JsonObject error) => error["context"] is JsonObject;

    /// <summary>Infernet's <c>{error[, params]}</c>; answers from the server underneath (404, 413) carry a context instead.</summary>
    static bool InfernetShape(JsonObject error) => error["params"] is null or JsonObject;

    /// <summary>NEXAPod's <c>{error}</c>: the sentence is all it has.</summary>
    static bool NexapodShape(JsonObject error) => true;

    async Task<string> Document(string path)
    {
        if (path.StartsWith('/'))
            return await fixture.Stack.Api.GetStringAsync(path);
        await using var stream = typeof(MalformedInputTests).Assembly.GetManifestResourceStream(path)
            ?? throw new InvalidOperationException($"{path} is not embedded in the test assembly");
        return await new StreamReader(stream).ReadToEndAsync();
    }

    /// <summary>The status (0 for none) and, when the answer is wrong, what is wrong with it.</summary>
    async Task<(int Status, string? Fault)> Verdict(MalformedRequest request)
    {
        var uri = new Uri(fixture.Stack.Api.BaseAddress + request.Path.TrimStart('/'),
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        if (authorization is not null)
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        using var timeout = new CancellationTokenSource(RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await fixture.Stack.Api.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return (0, $"no answer ({ex.GetType().Name}: {ex.Message})");
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500)
                return (status, $"answered {status}");
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (plainText)
                return (status, string.IsNullOrWhiteSpace(text) ? $"answered {status} with no reason" : null);
            try
            {
                var error = JsonNode.Parse(text) as JsonObject;
                if (error?["error"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String
                    || string.IsNullOrWhiteSpace((string?)value) || !shape(error))
                    return (status, $"answered {status} without the error shape: {Shorten(text)}");
            }
            catch (JsonException)
            {
                return (status, $"answered {status} with a body that is not JSON: {Shorten(text)}");
            }
            return (status, null);
        }
    }

    static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;

    public void Dispose() => signer.Dispose();
}
