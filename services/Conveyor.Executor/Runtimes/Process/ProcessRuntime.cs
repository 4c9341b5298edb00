using System.Diagnostics;
using Conveyor.Contracts.Jobs;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Runtimes.Process;

/// <summary>
/// Runs a verified binary in a fresh working directory with exactly the job's arguments (no shell) and exactly
/// the job's environment (nothing inherited from the executor, so its credentials never reach a job).
/// Timeout and cancellation kill the whole process tree. What it prints is also published live, in batches.
/// </summary>
public sealed class ProcessRuntime(IOptions<ExecutorOptions> options, IBus bus, ILogger<JobLogBatcher> logLogger)
{
    public async Task<ProcessResult> Run(string binaryPath, JobDefinition job, Guid jobId, Guid attemptId, CancellationToken cancellationToken)
    {
        await using var liveLog = new JobLogBatcher(bus, jobId, attemptId, logLogger);
        var workDirectory = Path.Combine(options.Value.WorkDirectory, attemptId.ToString("N"));
        Directory.CreateDirectory(workDirectory);
        try
        {
            return await RunIn(workDirectory, binaryPath, job, liveLog, cancellationToken);
        }
        finally
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    async Task<ProcessResult> RunIn(string workDirectory, string binaryPath, JobDefinition job, JobLogBatcher liveLog, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(binaryPath)
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in job.Arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Clear();
        foreach (var (name, value) in job.EnvVariables)
            start.Environment[name] = value;

        var stdout = new CappedOutput();
        var stderr = new CappedOutput();
        using var process = new System.Diagnostics.Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { stdout.Append(e.Data); liveLog.Append("stdout", e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { stderr.Append(e.Data); liveLog.Append("stderr", e.Data); } };

        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(job.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.Value.DefaultJobTimeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            timedOut = !cancellationToken.IsCancellationRequested;
            if (!timedOut)
                throw;
        }

        // WaitForExitAsync returns after the redirected streams reach end of file, so the captures are complete.
        return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString(), timedOut);
    }
}
