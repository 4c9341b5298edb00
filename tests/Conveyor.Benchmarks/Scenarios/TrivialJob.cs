using System.Text.Json;
using Conveyor.TestSupport;

namespace Conveyor.Benchmarks.Scenarios;

/// <summary>
/// A job whose binary exits 0 at once, served over HTTP on loopback: a real process is still downloaded (once, then
/// cached), verified, started and reaped, so the whole path is measured and the work itself costs next to nothing.
/// The default is a copy of <c>/bin/true</c>, a real ELF binary, as the job queues Conveyor is compared with run; the
/// shell-script variant also pays for starting <c>/bin/sh</c>.
/// </summary>
public sealed class TrivialJob
{
    readonly string url;
    readonly string sha256;

    TrivialJob(string name, (string Url, string Sha256) published)
    {
        Name = name;
        (url, sha256) = published;
    }

    public string Name { get; }

    public static TrivialJob Elf(BinaryServer server) => new("a copy of /bin/true", server.AddFile("true", File.ReadAllBytes("/bin/true")));

    public static TrivialJob Script(BinaryServer server) => new("a shell script", server.AddScript("exit0.sh", "exit 0"));

    /// <summary>The seed-003 body of one such job.</summary>
    public string Body(string type, string priority) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["type"] = type, ["binary_url"] = url, ["binary_sha256"] = sha256, ["priority"] = priority });

    /// <summary>A bulk body of <paramref name="count"/> such jobs.</summary>
    public string BulkBody(string type, string priority, int count) => "[" + string.Join(',', Enumerable.Repeat(Body(type, priority), count)) + "]";
}
