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
}
