using System.Diagnostics;

namespace Conveyor.TestSupport;

/// <summary>One Conveyor service running as a real process from its build output, its console captured to a log file.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    readonly Process process;
    readonly StreamWriter log;

    ServiceProcess(string name, Process process, StreamWriter log, string logPath)
    {
        Name = name;
        this.process = process;
        this.log = log;
        LogPath = logPath;
    }

    public string Name { get; }
    public string LogPath { get; }
    public bool HasExited => process.HasExited;

    /// <summary>The operating system's id of the process, to read its resource use.</summary>
    public int ProcessId => process.Id;
    public bool WasKilled { get; private set; }

    /// <param name="networkNamespace">Runs the service inside this network namespace (a simulated host), not the machine's own.</param>
    /// <param name="arguments">Command-line arguments, e.g. <c>migrate</c> for the scheduler's one-shot command.</param>
    public static ServiceProcess Start(string service, IReadOnlyDictionary<string, string> environment, string logDirectory, string? networkNamespace = null,
        params string[] arguments)
    {
        var root = TestInfrastructure.RepositoryRoot;
        var dll = Path.Combine(root, "services", service, "bin", TestInfrastructure.BuildConfiguration, "net10.0", service + ".dll");
        return Launch(service, dll, environment, logDirectory, networkNamespace, arguments);
    }

    /// <summary>Runs any built program of the repository (a service, or an example beside the tests) the same way.</summary>
    public static ServiceProcess StartAssembly(string service, string dll, IReadOnlyDictionary<string, string> environment, string logDirectory,
        params string[] arguments) => Launch(service, dll, environment, logDirectory, null, arguments);

    static ServiceProcess Launch(string service, string dll, IReadOnlyDictionary<string, string> environment, string logDirectory,
        string? networkNamespace, string[] arguments)
    {
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{service} is not built; build the solution first", dll);

        // `ip netns exec` execs the program in place, so the process here is the service itself and a kill reaches it.
        var start = new ProcessStartInfo(networkNamespace is null ? "dotnet" : SimulatedNetwork.IpCommand)
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (networkNamespace is not null)
        {
            foreach (var prefix in new[] { "netns", "exec", networkNamespace, "dotnet" })
                start.ArgumentList.Add(prefix);
        }
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        Directory.CreateDirectory(logDirectory);
        var logPath = Path.Combine(logDirectory, $"{service}-{Guid.NewGuid().ToString("N")[..6]}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(service, process, log, logPath);
    }

    static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log) log.WriteLine(line);
    }

    /// <summary>The last lines the service printed, for failure messages.</summary>
    public string Tail(int lines = 40)
    {
        lock (log)
        {
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, as in a crash.</summary>
    public void Kill()
    {
        WasKilled = true;
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>SIGTERM: the service shuts down gracefully, as under a process supervisor.</summary>
    public void Terminate()
    {
        // Ended on purpose, like Kill: the stack does not mistake its exit for a failed start.
        WasKilled = true;
        if (!process.HasExited)
            Signals.Terminate(process.Id);
    }

    /// <summary>Waits for the process to end; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExit(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public int ExitCode => process.ExitCode;

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        lock (log) log.Dispose();
        return ValueTask.CompletedTask;
    }
}
