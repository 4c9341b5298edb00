using Conveyor.Contracts.Jobs;
using Conveyor.Executor.Runtimes;
using Conveyor.Executor.Runtimes.Docker;
using Conveyor.Executor.Runtimes.Output;

namespace Conveyor.Executor.Attempts;

/// <summary>
/// Runs a pipeline's steps in order on this executor. Each step's stdin is exactly the previous step's stdout (the
/// pipeline's input for the first), every step's result is kept, and the first step that does not succeed ends the
/// pipeline and is named in its error. The last step's output is the pipeline's. Named volumes its steps created are
/// removed when it ends, however it ends.
/// </summary>
public sealed class PipelineRunner(StepRunner steps, JobVolumes volumes)
{
    public async Task<AttemptOutcome> Run(IReadOnlyList<PipelineStep> pipeline, string? input, RunContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await RunSteps(pipeline, input, context, cancellationToken);
        }
        finally
        {
            if (pipeline.Any(step => step.CreateVolume is not null))
                await volumes.RemoveAll(context.AttemptId);
        }
    }

    async Task<AttemptOutcome> RunSteps(IReadOnlyList<PipelineStep> pipeline, string? input, RunContext context, CancellationToken cancellationToken)
    {
        var results = new List<StepResult>(pipeline.Count);
        var stdin = input;
        StepOutcome? last = null;
        for (var index = 0; index < pipeline.Count; index++)
        {
            var step = pipeline[index];
            var outcome = await steps.Run(step, context with { StepIndex = index, Stdin = stdin }, cancellationToken);
            if (outcome.Succeeded && outcome.StdoutTruncated && index < pipeline.Count - 1)
                outcome = outcome with { ExitCode = null, Error = $"its stdout is larger than {CappedOutput.Limit} characters and cannot be the next step's input" };
            if (outcome.Succeeded && step.OutputIsJson && !JsonOutput.IsJson(outcome.Stdout))
                outcome = outcome with { ExitCode = null, Error = "its output is not JSON" };
            results.Add(Result(index, step, outcome));
            if (!outcome.Succeeded)
                return Failure(index, step, outcome, results);
            stdin = outcome.Stdout;
            last = outcome;
        }
        return AttemptOutcome.Of(last!) with { Steps = results };
    }

    static AttemptOutcome Failure(int index, PipelineStep step, StepOutcome outcome, List<StepResult> results) =>
        AttemptOutcome.Of(outcome) with { Error = $"step {index + 1} '{step.Name}' failed: {outcome.Error}", Steps = results };

    static StepResult Result(int index, PipelineStep step, StepOutcome outcome) => new()
    {
        Index = index,
        Name = step.Name,
        Kind = step.Kind,
        Status = outcome.Succeeded ? "completed" : "failed",
        ExitCode = outcome.ExitCode,
        Stdout = outcome.Stdout,
        Stderr = outcome.Stderr,
        Error = outcome.Error,
        StartedAt = outcome.StartedAt,
        EndedAt = outcome.EndedAt,
    };
}
