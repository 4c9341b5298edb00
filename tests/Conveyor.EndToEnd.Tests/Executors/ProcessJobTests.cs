using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Executors;

/// <summary>
/// Binary jobs at their limits: a timeout kills everything they started; output beyond 1 MiB keeps its head and tail;
/// output PostgreSQL cannot store as text is stored as U+FFFD.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ProcessJobTests(StackFixture fixture)
{
    [Fact]
    public async Task Should_kill_the_whole_process_tree_when_the_job_exceeds_its_timeout()
    {
        var pids = Path.Combine(Path.GetTempPath(), "conveyor-tree-" + Guid.NewGuid().ToString("N"));
        var (url, sha256) = fixture.Binaries.AddScript("tree.sh", """
            sleep 300 &
            echo $! >> "$PIDS"
            sh -c 'sleep 300 & echo $! >> "$PIDS"; wait' &
            echo $! >> "$PIDS"
            ( sleep 300 & echo $! >> "$PIDS" ) &
            echo started
            wait
            """);

        var id = await fixture.Jobs.Submit(new
        {
            type = "runaway-tree",
            binary_url = url,
            binary_sha256 = sha256,
            env_variables = new Dictionary<string, string> { ["PIDS"] = pids },
            timeout_seconds = 10,
            priority = "foreground",
        });
        var job = await fixture.Jobs.WaitForTerminal(id);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal("the job exceeded its timeout of 10 s and was killed", (string?)job["error"]);
        Assert.Equal("started\n", (string?)job["stdout"]);
        Assert.Equal(4, File.ReadAllLines(pids).Length);
        Assert.Empty(await ProcessProbe.Survivors(pids));
        File.Delete(pids);
    }

    [Fact]
    public async Task Should_keep_the_head_and_the_tail_with_a_marker_when_output_exceeds_1_MiB()
    {
        var (url, sha256) = fixture.Binaries.AddScript("chatty.sh", """
            echo BEGIN
            head -c 3145728 /dev/zero | tr '\0' 'x'
            echo
            echo END
            """);

        var id = await fixture.Jobs.Submit(new { type = "chatty", binary_url = url, binary_sha256 = sha256, priority = "foreground" });
        var job = await fixture.Jobs.WaitForTerminal(id);

        var stdout = (string)job["stdout"]!;
        Assert.Equal("completed", (string?)job["status"]);
        Assert.StartsWith("BEGIN\nxxx", stdout);
        Assert.EndsWith("xxx\nEND\n", stdout);
        Assert.Matches(@"\n\.\.\. \[truncated \d+ characters\] \.\.\.\n", stdout);
        Assert.InRange(stdout.Length, 1024 * 1024, 1024 * 1024 + 100);
    }

    [Fact]
    public async Task Should_complete_a_job_whose_output_holds_NUL_bytes_showing_each_as_a_replacement_character()
    {
        var (url, sha256) = fixture.Binaries.AddScript("nul.sh", """
            printf 'before\0after\n'
            printf 'err\0\n' >&2
            """);

        var id = await fixture.Jobs.Submit(new { type = "nul-output", binary_url = url, binary_sha256 = sha256, priority = "foreground" });
        var job = await fixture.Jobs.WaitForTerminal(id, TimeSpan.FromSeconds(60));

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal("before\uFFFDafter\n", (string?)job["stdout"]);
        Assert.Equal("err\uFFFD\n", (string?)job["stderr"]);
    }
}
