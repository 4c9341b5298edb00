using System.Text.Json;
using Conveyor.Api.Http;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Endpoints.V1.Jobs.Parsing;

/// <summary>The optional <c>resources</c> object: <c>{"cpu": 1.5, "memory_mb": 512, "gpu": 1}</c>.</summary>
public static class JobResourcesParser
{
    public const int MaxGpus = 16;

    public static bool TryParse(JsonElement body, out JobResources resources, out IResult error)
    {
        resources = new JobResources();
        error = null!;
        if (!body.TryGetProperty("resources", out var element) || element.ValueKind == JsonValueKind.Null)
            return true;
        if (element.ValueKind != JsonValueKind.Object)
            return JsonFields.Fail(out error, ApiError.BadRequest("resources must be an object", "resources"));

        double? cpu = null;
        if (element.TryGetProperty("cpu", out var cpuElement) && cpuElement.ValueKind != JsonValueKind.Null)
        {
            if (cpuElement.ValueKind != JsonValueKind.Number || cpuElement.GetDouble() is <= 0 or > 1024)
                return JsonFields.Fail(out error, ApiError.BadRequest("resources.cpu must be a number above 0 and at most 1024", "resources.cpu"));
            cpu = cpuElement.GetDouble();
        }
        if (!JsonFields.TryInteger(element, "memory_mb", 1, 1024 * 1024, out var memory, out error)) return false;
        if (!JsonFields.TryInteger(element, "gpu", 0, MaxGpus, out var gpu, out error)) return false;

        resources = new JobResources { Cpu = cpu, MemoryMb = memory, Gpu = gpu ?? 0 };
        return true;
    }
}
