using Conveyor.Contracts.Jobs;
using Conveyor.Executor.Runtimes;
using Conveyor.Executor.Runtimes.Docker;
using Conveyor.TestSupport;

namespace Conveyor.Executor.Tests;

/// <summary>The container runtime against the real Docker engine, with the locally built busybox image.</summary>
public sealed class ContainerRuntimeTests : IDisposable
{
    const string Image = "conveyor/busybox:latest";
    readonly ExecutorParts executor = new();

    static RunContext Context(string? stdin = null, JobResources? resources = null) =>
        new() { JobId = Guid.NewGuid(), AttemptId = Guid.NewGuid(), Stdin = stdin, Resources = resources ?? new JobResources() };

    static ContainerSpec Shell(string script, Dictionary<string, string>? env = null) =>
        new() { Image = Image, Cmd = ["sh", "-c", script], EnvVariables = env ?? [] };

    static string AttemptLabel(RunContext context) => $"{ContainerConfig.AttemptLabel}={context.AttemptId}";

    [Fact]
    public async Task Should_feed_stdin_keep_stdout_and_stderr_apart_and_remove_the_container_when_it_exits_non_zero()
    {
        var context = Context(stdin: """{"n": 2}""");

        var result = await executor.Containers.Run(Shell("cat; echo to-stderr >&2; exit 3"), context, CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("""{"n": 2}""", result.Stdout);
        Assert.Equal("to-stderr\n", result.Stderr);
        Assert.Equal("the container exited with code 3", result.Error);
        Assert.Empty(await LocalDocker.ContainersLabelled(AttemptLabel(context)));
    }

    [Fact]
    public async Task Should_kill_and_remove_the_container_when_its_cancellation_token_is_cancelled()
    {
        var context = Context();
        using var cancellation = new CancellationTokenSource();

        var run = executor.Containers.Run(Shell("echo started; sleep 300"), context, cancellation.Token);
        var id = await LocalDocker.WaitForContainer(AttemptLabel(context), TimeSpan.FromSeconds(30));
        await Task.Delay(500);
        var cancelledAt = DateTimeOffset.UtcNow;
        await cancellation.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Interrupted);
        Assert.Null(result.ExitCode);
        Assert.Equal("started\n", result.Stdout);
        Assert.True(DateTimeOffset.UtcNow - cancelledAt < TimeSpan.FromSeconds(15), "the container was not killed promptly");
        Assert.Empty(await LocalDocker.ContainersLabelled(AttemptLabel(context)));
        Assert.DoesNotContain(id, await LocalDocker.ContainersLabelled($"{ContainerConfig.ExecutorLabel}={executor.Options.ExecutorId}"));
    }

    [Fact]
    public async Task Should_run_without_network_capabilities_or_a_writable_root_and_with_only_its_own_environment_when_a_container_runs()
    {
        const string probe = """
            echo "net: $(ls /sys/class/net | tr '\n' ' ')"
            echo "caps: $(grep CapEff /proc/self/status | tr -s '\t ' ' ')"
            touch /rootfs-probe 2>/dev/null && echo "root: writable" || echo "root: read-only"
            touch /work/probe && echo "work: writable"
            echo "pwd: $(pwd)"
            echo "env: $(env | grep -v -e '^PATH=' -e '^HOME=' -e '^HOSTNAME=' -e '^PWD=' -e '^SHLVL=' | sort | tr '\n' ' ')"
            """;

        var result = await executor.Containers.Run(Shell(probe, new() { ["GREETING"] = "hello" }), Context(), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("net: lo \n", result.Stdout);
        Assert.Contains("caps: CapEff: 0000000000000000", result.Stdout);
        Assert.Contains("root: read-only", result.Stdout);
        Assert.Contains("work: writable", result.Stdout);
        Assert.Contains("pwd: /work", result.Stdout);
        Assert.Contains("env: GREETING=hello \n", result.Stdout);
    }

    [Fact]
    public async Task Should_apply_the_jobs_memory_cpu_and_pids_limits_when_a_container_runs()
    {
        const string probe = """
            echo "memory: $(cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max)"
            echo "cpu: $(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us 2>/dev/null || cut -d' ' -f1 /sys/fs/cgroup/cpu.max)"
            echo "pids: $(cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max)"
            """;
        var resources = new JobResources { MemoryMb = 96, Cpu = 0.5 };

        var result = await executor.Containers.Run(Shell(probe), Context(resources: resources), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"memory: {96 * 1024 * 1024}\n", result.Stdout);
        Assert.Contains("cpu: 50000\n", result.Stdout);
        Assert.Contains($"pids: {new DockerRuntimeOptions().PidsLimit}\n", result.Stdout);
    }

    [Fact]
    public async Task Should_say_which_image_could_not_be_pulled_when_the_image_is_not_on_the_executor()
    {
        var spec = new ContainerSpec { Image = "conveyor/no-such-image:" + Guid.NewGuid().ToString("N")[..8] };

        var error = await Assert.ThrowsAsync<ImageUnavailableException>(() => executor.Containers.Run(spec, Context(), CancellationToken.None));

        Assert.Contains($"image {spec.Image} is not present on executor {executor.Options.ExecutorId} and could not be pulled", error.Message);
    }

    [Fact]
    public async Task Should_fail_at_once_without_retry_when_the_image_is_missing_and_pulling_is_off()
    {
        using var offline = new ExecutorParts(docker => docker.PullImages = false);
        var spec = new ContainerSpec { Image = "conveyor/no-such-image:latest" };

        var error = await Assert.ThrowsAsync<ImageUnavailableException>(() => offline.Containers.Run(spec, Context(), CancellationToken.None));

        Assert.False(error.Retryable);
        Assert.Contains("pulling images is switched off", error.Message);
    }

    [Fact]
    public async Task Should_serve_on_its_exposed_port_until_stopped_when_a_service_container_runs()
    {
        using var services = new ExecutorParts(docker => docker.ServiceNetworkMode = "host");
        var port = FreePort.Next();
        var spec = Shell($"echo served > /work/index.html; httpd -f -p 127.0.0.1:{port} -h /work") with { ExposedPort = port };
        var context = Context();
        using var cancellation = new CancellationTokenSource();

        var run = services.Containers.Run(spec, context, cancellation.Token);
        var answer = await Fetch($"http://127.0.0.1:{port}/index.html");
        await cancellation.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("served\n", answer);
        Assert.True(result.Interrupted);
        Assert.Empty(await LocalDocker.ContainersLabelled(AttemptLabel(context)));
    }

    static async Task<string> Fetch(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await http.GetStringAsync(url);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    public void Dispose() => executor.Dispose();
}
