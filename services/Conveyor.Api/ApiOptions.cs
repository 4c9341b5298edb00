using System.ComponentModel.DataAnnotations;

namespace Conveyor.Api;

/// <summary>Section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Larger request bodies are refused with 413 before they are read.</summary>
    [Range(1024, 1L << 30)] public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>An executor silent for this long is no longer active (executors beat every 5 s).</summary>
    public TimeSpan ExecutorLostAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>API keys (<c>Api__Keys__0__Name</c>, <c>__Sha256</c>, <c>__Role</c>); none configured means keys are off.</summary>
    public List<Security.ApiKeyOptions> Keys { get; set; } = [];
}
