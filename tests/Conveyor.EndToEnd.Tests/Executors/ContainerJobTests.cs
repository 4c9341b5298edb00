using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Executors;

/// <summary>Container jobs through all four services and the real Docker engine.</summary>
[Collection(StackCollection.Name)]
public sealed class ContainerJobTests(StackFixture fixture)
{
    public const string Image = "conveyor/busybox:latest";

    [Fact]
    public async Task Should_complete_with_the_containers_output_when_a_container_job_exits_zero()
    {
        var id = await fixture.Jobs.Submit(new
        {
            type = "container-greeting",
            kind = "container",
            image = Image,
            entrypoint = new[] { "sh", "-c" },
            cmd = new[] { "echo \"hello from $(pwd) as $GREETING\"; echo warn >&2" },
            env_variables = new Dictionary<string, string> { ["GREETING"] = "conveyor" },
            priority = "foreground",
        });
        var job = await fixture.Jobs.WaitForTerminal(id);

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal("container", (string?)job["kind"]);
        Assert.Equal("hello from /work as conveyor\n", (string?)job["stdout"]);
        Assert.Equal("warn\n", (string?)job["stderr"]);
        Assert.Equal(0, (int?)job["exit_code"]);
        Assert.Equal(Image, (string?)job["container"]!["image"]);
        Assert.Null(job["binary_url"]);
        Assert.Empty(await LocalDocker.ContainersLabelled($"conveyor.job={id}"));
    }

    [Fact]
    public async Task Should_fail_naming_the_image_when_it_is_not_on_the_executor_and_cannot_be_pulled()
    {
        var image = "conveyor/not-built-here:" + Guid.NewGuid().ToString("N")[..8];

        var id = await fixture.Jobs.Submit(new { type = "missing-image", kind = "container", image, priority = "foreground", max_attempts = 1 });
        var job = await fixture.Jobs.WaitForTerminal(id);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Contains($"image {image} is not present on executor", (string?)job["error"]);
        Assert.Contains("could not be pulled", (string?)job["error"]);
        Assert.Null((int?)job["exit_code"]);
    }
}
