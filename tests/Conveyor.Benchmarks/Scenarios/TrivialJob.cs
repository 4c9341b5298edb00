using System.Security.Cryptography;
using System.Text.Json;

namespace Conveyor.Benchmarks.Scenarios;

/// <summary>
/// A job whose binary exits 0 at once: a real process is still downloaded (once, then cached), verified, started and
/// reaped, so the whole path is measured and the work itself costs next to nothing.
/// </summary>
public sealed class TrivialJob : IDisposable
{
    readonly string directory = Directory.CreateTempSubdirectory("conveyor-bench-").FullName;
    readonly string url;
    readonly string sha256;

    public TrivialJob()
    {
        var path = Path.Combine(directory, "exit0.sh");
        File.WriteAllText(path, "#!/bin/sh\nexit 0\n");
        url = new Uri(path).AbsoluteUri;
        sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
    }

    /// <summary>The seed-003 body of one such job.</summary>
    public string Body(string type, string priority) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["type"] = type, ["binary_url"] = url, ["binary_sha256"] = sha256, ["priority"] = priority });

    /// <summary>A bulk body of <paramref name="count"/> such jobs.</summary>
    public string BulkBody(string type, string priority, int count) => "[" + string.Join(',', Enumerable.Repeat(Body(type, priority), count)) + "]";

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
