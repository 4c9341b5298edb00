using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Executors;

/// <summary>Pipelines of containers and binaries: stdout of one step is stdin of the next; every step's result is kept.</summary>
[Collection(StackCollection.Name)]
public sealed class PipelineJobTests(StackFixture fixture)
{
    [Fact]
    public async Task Should_pass_each_steps_json_output_to_the_next_step_when_a_two_step_pipeline_runs()
    {
        var (url, sha256) = fixture.Binaries.AddScript("wrap.sh", """read input; echo "{\"second\": $input, \"by\": \"$WHO\"}" """);

        var id = await fixture.Jobs.Submit(new
        {
            type = "json-chain",
            kind = "pipeline",
            priority = "foreground",
            input = new { n = 5 },
            steps = new object[]
            {
                new { name = "wrap-in-container", kind = "container", image = ContainerJobTests.Image, cmd = new[] { "sh", "-c", """read input; echo "{\"first\": $input}" """ } },
                new { name = "wrap-in-binary", binary_url = url, binary_sha256 = sha256, env_variables = new Dictionary<string, string> { ["WHO"] = "step-2" } },
            },
        });
        var job = await fixture.Jobs.WaitForTerminal(id);

        Assert.Equal("completed", (string?)job["status"]);
        var result = JsonNode.Parse((string)job["stdout"]!)!;
        Assert.Equal(5, (int?)result["second"]!["first"]!["n"]);
        Assert.Equal("step-2", (string?)result["by"]);
        var steps = job["steps"]!.AsArray();
        Assert.Equal(2, steps.Count);
        Assert.Equal(["wrap-in-container", "wrap-in-binary"], steps.Select(s => (string?)s!["name"]));
        Assert.All(steps, s => Assert.Equal("completed", (string?)s!["status"]));
        Assert.Equal(5, (int?)steps[0]!["output"]!["first"]!["n"]);
        Assert.Equal("container", (string?)steps[0]!["kind"]);
        Assert.Equal("binary", (string?)steps[1]!["kind"]);
        Assert.Equal(2, job["pipeline"]!.AsArray().Count);
    }

    [Fact]
    public async Task Should_fail_naming_the_step_and_keep_the_earlier_results_when_a_middle_step_fails()
    {
        var (url, sha256) = fixture.Binaries.AddScript("validate.sh", """cat > /dev/null; echo "missing field b" >&2; exit 4""");

        var id = await fixture.Jobs.Submit(new
        {
            type = "failing-middle",
            kind = "pipeline",
            priority = "foreground",
            steps = new object[]
            {
                new { name = "produce", kind = "container", image = ContainerJobTests.Image, cmd = new[] { "echo", """{"a": 1}""" } },
                new { name = "validate", binary_url = url, binary_sha256 = sha256 },
                new { name = "never", kind = "container", image = ContainerJobTests.Image, cmd = new[] { "echo", "must not run" } },
            },
        });
        var job = await fixture.Jobs.WaitForTerminal(id);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal(4, (int?)job["exit_code"]);
        Assert.Equal("step 2 'validate' failed: the binary exited with code 4", (string?)job["error"]);
        var steps = job["steps"]!.AsArray();
        Assert.Equal(2, steps.Count);
        Assert.Equal("completed", (string?)steps[0]!["status"]);
        Assert.Equal(1, (int?)steps[0]!["output"]!["a"]);
        Assert.Equal("failed", (string?)steps[1]!["status"]);
        Assert.Equal("missing field b\n", (string?)steps[1]!["stderr"]);
        Assert.DoesNotContain(steps, s => (string?)s!["name"] == "never");
        Assert.Equal("", (string?)job["stdout"]);
    }

    [Fact]
    public async Task Should_never_run_a_step_whose_sha256_does_not_match()
    {
        var marker = Path.Combine(Path.GetTempPath(), "conveyor-step-marker-" + Guid.NewGuid().ToString("N"));
        var (url, sha256) = fixture.Binaries.AddScript("tampered-step.sh", $"touch {marker}");

        var id = await fixture.Jobs.Submit(new
        {
            type = "tampered-pipeline",
            kind = "pipeline",
            priority = "foreground",
            steps = new object[]
            {
                new { kind = "container", image = ContainerJobTests.Image, cmd = new[] { "echo", "ok" } },
                new { binary_url = url, binary_sha256 = new string(sha256.Reverse().ToArray()) },
            },
        });
        var job = await fixture.Jobs.WaitForTerminal(id);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.StartsWith("step 2 'step-2' failed: sha256 mismatch", (string?)job["error"]);
        Assert.Single(job["attempts"]!.AsArray());
        Assert.False(File.Exists(marker), "the step ran although its sha256 did not match");
    }
}
