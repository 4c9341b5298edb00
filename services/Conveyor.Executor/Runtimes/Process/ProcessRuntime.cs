using System.Text;
using Conveyor.Contracts.Jobs;
using Conveyor.Executor.Runtimes.Output;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Runtimes.Process;

/// <summary>
/// Runs a verified binary in a fresh working directory with exactly the job's arguments (no shell) and exactly the job's
/// environment (nothing inherited from the executor, so its credentials never reach a job). The binary leads a session of
/// its own: cancellation (timeout, stop, shutdown) kills every process in it, and so does the binary's own exit, so
/// nothing a job started outlives its attempt.
/// </summary>
public sealed class ProcessRuntime(ProcessLauncher launcher, IOptions<ExecutorOptions> options, ILogger<ProcessRuntime> logger)
{
    static readonly TimeSpan OutputDrainTimeout = TimeSpan.FromSeconds(2);

    public async Task<RuntimeResult> Run(string binaryPath, BinarySpec binary, RunContext context, CancellationToken cancellationToken)
    {
        var workDirectory = Path.Combine(options.Value.WorkDirectory, $"{context.AttemptId:N}-{context.StepIndex}");
        Directory.CreateDirectory(workDirectory);
        try
        {
            return await RunIn(workDirectory, binaryPath, binary, context, cancellationToken);
        }
        finally
        {
            try
            {
                Directory.Delete(workDirectory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Working directory {Directory} could not be removed: {Reason}", workDirectory, ex.Message);
            }
        }
    }

    async Task<RuntimeResult> RunIn(string workDirectory, string binaryPath, BinarySpec binary, RunContext context, CancellationToken cancellationToken)
    {
        var start = launcher.StartInfo(binaryPath, binary.Arguments, context.Resources, workDirectory);
        start.Environment.Clear();
        foreach (var (name, value) in binary.EnvVariables)
            start.Environment[name] = value;

        var stdout = new OutputCapture("stdout", context.Log, context.StepIndex);
        var stderr = new OutputCapture("stderr", context.Log, context.StepIndex);
        using var process = new System.Diagnostics.Process { StartInfo = start };
        process.Start();
        var pumps = Task.WhenAll(
            Pump(process.StandardOutput.BaseStream, stdout),
            Pump(process.StandardError.BaseStream, stderr),
            Feed(process.StandardInput.BaseStream, context.Stdin));

        var interrupted = false;
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            interrupted = true;
            KillEverything(process);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        // Whatever the binary left running dies with it; that also closes the pipes those processes held open.
        if (launcher.IsolatesSession)
            ProcessSession.KillGroup(process.Id);
        if (await Task.WhenAny(pumps, Task.Delay(OutputDrainTimeout, CancellationToken.None)) != pumps)
            logger.LogWarning("A process that left the job's session still holds its output open; the output is taken as it is");

        var exitCode = interrupted ? (int?)null : process.ExitCode;
        return new RuntimeResult(exitCode, stdout.Text, stderr.Text, stdout.Truncated);
    }

    void KillEverything(System.Diagnostics.Process process)
    {
        try
        {
            // Descendants that started sessions of their own are still reachable through their parents here.
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }
        if (launcher.IsolatesSession)
            ProcessSession.KillAll(process.Id);
    }

    static async Task Pump(Stream source, OutputCapture capture)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer)) > 0)
                capture.Write(buffer.AsSpan(0, read));
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The pipe went away with the process.
        }
        capture.Complete();
    }

    static async Task Feed(Stream stdin, string? input)
    {
        try
        {
            if (input is not null)
                await stdin.WriteAsync(Encoding.UTF8.GetBytes(input));
            await stdin.DisposeAsync();
        }
        catch (IOException)
        {
            // The binary exited without reading all of its input; that is its choice.
        }
    }
}
