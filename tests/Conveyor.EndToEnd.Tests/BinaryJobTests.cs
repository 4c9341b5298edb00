using System.Net;

namespace Conveyor.EndToEnd.Tests;

/// <summary>A binary job through all four services: API → scheduler saga → executor → saga → notifications.</summary>
[Collection(StackCollection.Name)]
public sealed class BinaryJobTests(StackFixture fixture)
{
    [Fact]
    public async Task Should_complete_with_its_output_when_the_binary_exits_zero()
    {
        var (url, sha256) = fixture.Binaries.AddScript("greet.sh", """
            echo "hello $1 from $GREETING"
            echo "to stderr" >&2
            """);

        var id = await fixture.Jobs.Submit(new
        {
            type = "greeting",
            binary_url = url,
            binary_sha256 = sha256,
            arguments = new[] { "world" },
            env_variables = new Dictionary<string, string> { ["GREETING"] = "conveyor" },
            priority = "foreground",
        });
        var job = await fixture.Jobs.WaitForTerminal(id);

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal("hello world from conveyor\n", (string?)job["stdout"]);
        Assert.Equal("to stderr\n", (string?)job["stderr"]);
        Assert.Equal(0, (int?)job["exit_code"]);
        Assert.Equal("foreground", (string?)job["priority"]);
        Assert.EndsWith("Z", (string?)job["completed_at"]);
        var attempt = Assert.Single(job["attempts"]!.AsArray())!;
        Assert.Equal("completed", (string?)attempt["status"]);
        Assert.Equal((string?)job["executor_id"], (string?)attempt["executor_id"]);
        Assert.False(string.IsNullOrEmpty((string?)attempt["executor_ip"]));
        Assert.NotNull((string?)attempt["started_at"]);
        Assert.NotNull((string?)attempt["ended_at"]);
    }

    [Fact]
    public async Task Should_fail_with_its_exit_code_when_the_binary_exits_non_zero()
    {
        var (url, sha256) = fixture.Binaries.AddScript("exit3.sh", "echo partial; exit 3");

        var id = await fixture.Jobs.Submit(new { type = "exits-three", binary_url = url, binary_sha256 = sha256, priority = "background" });
        var job = await fixture.Jobs.WaitForTerminal(id);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal(3, (int?)job["exit_code"]);
        Assert.Equal("partial\n", (string?)job["stdout"]);
    }

    [Fact]
    public async Task Should_fail_and_never_run_the_file_when_its_sha256_does_not_match()
    {
        var marker = Path.Combine(Path.GetTempPath(), "conveyor-marker-" + Guid.NewGuid().ToString("N"));
        var (url, sha256) = fixture.Binaries.AddScript("tampered.sh", $"touch {marker}");
        var wrongSha256 = new string(sha256.Reverse().ToArray());

        var id = await fixture.Jobs.Submit(new { type = "tampered", binary_url = url, binary_sha256 = wrongSha256, priority = "best_effort" });
        var job = await fixture.Jobs.WaitForTerminal(id);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Contains("sha256 mismatch", (string?)job["error"]);
        Assert.Null((int?)job["exit_code"]);
        Assert.False(File.Exists(marker), "the binary ran although its sha256 did not match");
    }

    [Fact]
    public async Task Should_answer_404_in_the_error_shape_when_the_job_is_unknown()
    {
        var id = Guid.NewGuid();
        var (status, body) = await fixture.Jobs.Get(id.ToString());

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("job not found", (string?)body!["error"]);
        Assert.Equal(id.ToString(), (string?)body["context"]!["job_id"]);
    }

    [Fact]
    public async Task Should_answer_400_when_the_job_id_is_not_a_uuid()
    {
        var (status, body) = await fixture.Jobs.Get("not-a-uuid");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("id", (string?)body!["context"]!["field"]);
    }
}
