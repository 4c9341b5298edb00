using System.Text.Json;
using System.Text.Json.Nodes;
using Conveyor.Api.Http;
using Conveyor.Api.Security;
using Conveyor.Api.Submissions;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Outbox;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Api.Endpoints.Infernet;

/// <summary>
/// Ritual's Infernet node API (seed 001) at the paths its clients call: <c>/info</c>, <c>/health</c> and
/// <c>/api/jobs</c>. A thin adapter: a job is a pipeline of configured containers submitted like any native job (the
/// same batcher, saga and executors), read back from the shared jobs table. Every answer is JSON.
/// </summary>
public static class InfernetEndpoints
{
    public static WebApplication MapInfernetApi(this WebApplication app)
    {
        app.MapGet("/info", Info);
        app.MapGet("/health", () => Results.Json(new { status = "healthy" }));
        app.MapPost("/api/jobs", Create);
        app.MapPost("/api/jobs/batch", CreateBatch);
        app.MapGet("/api/jobs", Read);
        app.MapPut("/api/status", InfernetStatus.Record);
        return app;
    }

    static async Task<IResult> Info(IOptions<InfernetOptions> options, InfernetResults results, CancellationToken cancellationToken)
    {
        var containers = options.Value.Containers.Select(c => new { id = c.Id, image = c.Image, external = c.External, description = c.Description });
        var pending = new { offchain = await results.Pending(cancellationToken), onchain = 0 };
        return Results.Json(new { containers, pending });
    }

    static async Task<IResult> Create(HttpContext context, IOptions<InfernetOptions> options, ApiKeyStore keys, SubmissionBatcher submissions,
        CancellationToken cancellationToken)
    {
        if (!InfernetClient.TryIdentify(context, keys, out var client, out var refused))
            return refused;
        var (body, bodyError) = await RequestJson.Read(context.Request, cancellationToken);
        if (bodyError is not null)
            return InfernetError.From(bodyError);
        if (!InfernetJobRequest.TryParse(body, options.Value, client.Address, out var chain, out var data, out var error))
            return error;
        var job = Job(chain, data, options.Value, client);
        if (!await submissions.Submit(job))
            return InfernetError.Status(StatusCodes.Status503ServiceUnavailable, "the scheduler did not confirm the job in time; it may still be accepted");
        return Results.Json(new { id = job.JobId.ToString() });
    }

    /// <summary>Each item succeeds or fails alone, in order; only a body that is not a list fails as a whole.</summary>
    static async Task<IResult> CreateBatch(HttpContext context, IOptions<InfernetOptions> options, ApiKeyStore keys,
        SubmissionBatcher submissions, CancellationToken cancellationToken)
    {
        if (!InfernetClient.TryIdentify(context, keys, out var client, out var refused))
            return refused;
        var (body, bodyError) = await RequestJson.Read(context.Request, cancellationToken);
        if (bodyError is not null)
            return InfernetError.From(bodyError);
        if (body.ValueKind != JsonValueKind.Array)
            return InfernetError.BadRequest("Expected a list");

        var answers = new Task<JsonNode>[body.GetArrayLength()];
        var index = 0;
        foreach (var item in body.EnumerateArray())
        {
            answers[index++] = InfernetJobRequest.TryParse(item, options.Value, client.Address, out var chain, out var data, out var error)
                ? Submit(Job(chain, data, options.Value, client), submissions)
                : Task.FromResult(ErrorNode(error));
        }
        return Results.Json(new JsonArray([.. await Task.WhenAll(answers)]));
    }

    static async Task<JsonNode> Submit(SubmitJob job, SubmissionBatcher submissions) => await submissions.Submit(job)
        ? new JsonObject { ["id"] = job.JobId.ToString() }
        : new JsonObject { ["error"] = "the scheduler did not confirm the job in time; it may still be accepted", ["params"] = new JsonObject { ["id"] = job.JobId.ToString() } };

    static JsonNode ErrorNode(IResult error) => error is IValueHttpResult { Value: InfernetError refusal }
        ? JsonSerializer.SerializeToNode(refusal)!
        : new JsonObject { ["error"] = "Invalid request" };

    /// <summary>With <c>id</c>: those jobs' results, in the order asked, unknown ones left out. Without: this client's job ids.</summary>
    static async Task<IResult> Read(HttpContext context, ApiKeyStore keys, InfernetResults results, CancellationToken cancellationToken)
    {
        if (!InfernetClient.TryIdentify(context, keys, out var client, out var refused))
            return refused;
        var query = context.Request.Query;
        if (!TryFlag(query["intermediate"], "intermediate", out var intermediate, out var error)
            || !TryFlag(query["pending"], "pending", out var pending, out error))
            return error;
        if (query["id"].Count == 0)
            return Results.Json(await results.Ids(client.Owner, pending, cancellationToken));
        var ids = query["id"].Select(id => Guid.TryParse(id, out var parsed) ? parsed : (Guid?)null)
            .OfType<Guid>().Distinct().ToList();
        return Results.Json(await results.Results(ids, client.Owner, intermediate == true, cancellationToken));
    }

    static bool TryFlag(Microsoft.Extensions.Primitives.StringValues values, string name, out bool? flag, out IResult error)
    {
        flag = null;
        error = null!;
        if (values.Count == 0)
            return true;
        if (values.Count == 1 && bool.TryParse(values[0], out var parsed))
        {
            flag = parsed;
            return true;
        }
        error = InfernetError.BadRequest($"{name} must be true or false", new Dictionary<string, object?> { [name] = values.ToString() });
        return false;
    }

    static SubmitJob Job(IReadOnlyList<InfernetContainer> chain, string data, InfernetOptions options, InfernetClient client) =>
        new(NewId.NextGuid(), InfernetJobs.Definition(chain, data, options), SubmissionClock.Now())
        {
            Owner = client.Owner,
            TraceParent = OutboxTracing.CurrentTraceParent(),
        };
}
