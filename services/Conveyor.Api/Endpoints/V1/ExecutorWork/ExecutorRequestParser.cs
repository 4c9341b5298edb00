using System.Text.Json;
using Conveyor.Api.Endpoints.V1.Jobs.Parsing;
using Conveyor.Api.Executors;
using Conveyor.Api.Http;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Endpoints.V1.ExecutorWork;

/// <summary>Reads the executor endpoints' bodies by hand, so every wrong type is a 400 naming its field. Unknown fields are ignored.</summary>
public static class ExecutorRequestParser
{
    public const int MaxExecutorIdLength = 200;

    public static bool TryClaim(JsonElement body, string remoteAddress, out ClaimRequest claim, out IResult error)
    {
        claim = null!;
        if (!TryExecutorId(body, out var executorId, out error)) return false;
        if (!JsonFields.TryOptionalString(body, "executor_ip", out var ip, out error)) return false;
        if (!JsonFields.TryOptionalString(body, "pool", out var pool, out error)) return false;
        if (pool is { Length: 0 or > 64 })
            return JsonFields.Fail(out error, ApiError.BadRequest("pool must be 1 to 64 characters", "pool"));
        if (!JsonFields.TryStrings(body, "kinds", out var kindNames, out error)) return false;
        var kinds = new List<JobKind>();
        foreach (var name in kindNames ?? ["binary"])
        {
            if (!JobKindNames.TryParse(name, out var kind))
                return JsonFields.Fail(out error, ApiError.BadRequest("kinds must name binary, container, pipeline or data", "kinds"));
            kinds.Add(kind);
        }
        if (kinds.Count == 0)
            return JsonFields.Fail(out error, ApiError.BadRequest("kinds must name at least one kind", "kinds"));
        claim = new ClaimRequest(executorId, string.IsNullOrWhiteSpace(ip) ? remoteAddress : ip, pool ?? "cpu", kinds);
        return true;
    }

    public static bool TryReport(JsonElement body, out ExecutorReport report, out IResult error)
    {
        report = null!;
        if (!TryExecutorId(body, out var executorId, out error)) return false;
        if (!JsonFields.TryOptionalString(body, "stdout", out var stdout, out error)) return false;
        if (!JsonFields.TryOptionalString(body, "stderr", out var stderr, out error)) return false;
        if (!JsonFields.TryOptionalString(body, "error_message", out var message, out error)) return false;
        if (!JsonFields.TryInteger(body, "exit_code", int.MinValue, int.MaxValue, out var exitCode, out error)) return false;
        var retryable = false;
        if (body.TryGetProperty("retryable", out var flag) && flag.ValueKind != JsonValueKind.Null)
        {
            if (flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                return JsonFields.Fail(out error, ApiError.BadRequest("retryable must be true or false", "retryable"));
            retryable = flag.GetBoolean();
        }
        report = new ExecutorReport
        {
            ExecutorId = executorId,
            Stdout = OutputCap.Apply(stdout ?? ""),
            Stderr = OutputCap.Apply(stderr ?? ""),
            ExitCode = exitCode,
            ErrorMessage = message,
            Retryable = retryable,
        };
        return true;
    }

    static bool TryExecutorId(JsonElement body, out string executorId, out IResult error)
    {
        executorId = "";
        if (body.ValueKind != JsonValueKind.Object)
            return JsonFields.Fail(out error, ApiError.BadRequest("the body must be a JSON object", "body"));
        if (!JsonFields.TryString(body, "executor_id", out executorId, out error)) return false;
        if (executorId.Length is 0 or > MaxExecutorIdLength || executorId.Any(char.IsWhiteSpace))
            return JsonFields.Fail(out error, ApiError.BadRequest($"executor_id must be 1 to {MaxExecutorIdLength} characters with no spaces", "executor_id"));
        return true;
    }
}
