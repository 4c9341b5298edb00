using Conveyor.Contracts.Jobs;
using Conveyor.Executor.Runtimes;
using Conveyor.Executor.Runtimes.Process;

namespace Conveyor.Executor.Tests;

/// <summary>The process runtime with real processes: what a binary gets, and that nothing it starts outlives it.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProcessRuntimeTests : IDisposable
{
    readonly ExecutorParts executor = new();
    readonly string scratch = Directory.CreateTempSubdirectory("conveyor-process-test-").FullName;

    string Script(string body)
    {
        var path = Path.Combine(scratch, Guid.NewGuid().ToString("N") + ".sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    static RunContext Context(JobResources? resources = null) =>
        new() { JobId = Guid.NewGuid(), AttemptId = Guid.NewGuid(), Resources = resources ?? new JobResources() };

    [Fact]
    public async Task Should_pass_arguments_verbatim_and_only_the_jobs_environment_when_a_binary_runs()
    {
        Environment.SetEnvironmentVariable("CONVEYOR_EXECUTOR_SECRET", "must-not-leak");
        var script = Script("""
            for argument in "$@"; do echo "arg: [$argument]"; done
            env | grep -v -e '^PWD=' | sort
            """);
        var binary = new BinarySpec { Arguments = ["two words", "$HOME", "; rm -rf /", "*"], EnvVariables = new Dictionary<string, string> { ["ONLY"] = "this" } };

        var result = await executor.Processes.Run(script, binary, Context(), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("arg: [two words]\narg: [$HOME]\narg: [; rm -rf /]\narg: [*]\nONLY=this\n", result.Stdout);
    }

    [Fact]
    public async Task Should_kill_the_processes_a_binary_left_running_when_it_exits()
    {
        var pids = Path.Combine(scratch, "left-behind");
        var script = Script($"""
            sleep 300 &
            echo $! >> {pids}
            ( sleep 300 & echo $! >> {pids} ) &
            sleep 0.2
            echo done
            """);

        var result = await executor.Processes.Run(script, new BinarySpec(), Context(), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("done\n", result.Stdout);
        await ProcessAssert.AllDead(pids);
    }

    /// <summary>The static launcher built with the executor, or, where it is missing, util-linux's setsid and prlimit.</summary>
    public static TheoryData<string> Launches => ["conveyor-launch", "setsid and prlimit"];

    ExecutorParts Through(string launch) =>
        new(process: options => options.LauncherPath = launch == "conveyor-launch" ? options.LauncherPath : Path.Combine(scratch, "no-launcher"));

    [Fact]
    public void Should_ship_the_launcher_beside_the_executor()
    {
        // Built by the executor's project wherever gcc is (the infrastructure script installs it); without it, every job
        // would pay for two more dynamically linked execs, and nothing else would say so.
        Assert.True(File.Exists(new ProcessRuntimeOptions().LauncherPath), "conveyor-launch is not in the build output");
    }

    [Theory]
    [MemberData(nameof(Launches))]
    public async Task Should_kill_every_process_of_the_session_when_the_attempt_is_cancelled(string launch)
    {
        using var executor = Through(launch);
        var pids = Path.Combine(scratch, "session");
        // set -m puts each background job in a process group of its own, so only a sweep of the whole session finds them.
        var script = Script($"""
            set -m
            sleep 300 &
            echo $! >> {pids}
            sh -c 'sleep 300 & echo $! >> {pids}; wait' &
            echo $! >> {pids}
            echo started
            wait
            """);
        using var cancellation = new CancellationTokenSource();

        var run = executor.Processes.Run(script, new BinarySpec(), Context(), cancellation.Token);
        await ProcessAssert.WaitForLines(pids, 3);
        await cancellation.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.Interrupted);
        Assert.Equal("started\n", result.Stdout);
        await ProcessAssert.AllDead(pids);
    }

    [Theory]
    [MemberData(nameof(Launches))]
    public async Task Should_apply_resource_limits_when_a_binary_runs(string launch)
    {
        using var executor = Through(launch);
        var script = Script("grep -e 'Max data size' -e 'Max core file size' -e 'Max open files' /proc/self/limits");

        var result = await executor.Processes.Run(script, new BinarySpec(), Context(new JobResources { MemoryMb = 256 }), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"Max data size\s+{256L * 1024 * 1024}\s+{256L * 1024 * 1024}\s+bytes", result.Stdout);
        Assert.Matches(@"Max core file size\s+0\s+0\s+bytes", result.Stdout);
        Assert.Matches(@"Max open files\s+4096\s+4096\s+files", result.Stdout);
    }

    public void Dispose()
    {
        executor.Dispose();
        Directory.Delete(scratch, recursive: true);
    }
}
