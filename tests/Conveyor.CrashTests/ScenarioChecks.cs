using Xunit.Abstractions;

namespace Conveyor.CrashTests;

/// <summary>The suite's guarantee, checked the same way in every scenario: on one host, on many, on a cluster.</summary>
public static class ScenarioChecks
{
    /// <summary>
    /// Adds the outcome to the suite's report and the test's output, then asserts that (nearly) every job was accepted and
    /// that no accepted job was lost or duplicated.
    /// </summary>
    public static void NothingLost(ScenarioOutcome outcome, int jobs, CrashReport report, ITestOutputHelper output)
    {
        report.Add(outcome);
        output.WriteLine(ScenarioOutcome.Header);
        output.WriteLine(outcome.ToRow());
        output.WriteLine(outcome.Details);

        // Clients keep trying for minutes: once the fault is over, every job must get accepted. A stack that stops taking
        // work after a fault loses nothing it accepted, yet is broken all the same.
        Assert.True(outcome.Submitted >= jobs * 95 / 100, $"only {outcome.Submitted} of {jobs} jobs were accepted: {outcome.Details}");
        Assert.True(outcome.Lost == 0, $"{outcome.Lost} accepted jobs were lost: {outcome.Details}");
        Assert.True(outcome.Duplicated == 0, $"{outcome.Duplicated} jobs were duplicated: {outcome.Details}");
    }

    /// <summary>Asserts that the attempts the saga announced are exactly those it recorded: no transition was lost.</summary>
    public static void NoLostUpdate(ScenarioOutcome outcome) =>
        Assert.True(outcome.UnrecordedTransitions == 0, $"{outcome.UnrecordedTransitions} jobs' attempts differ from those announced: {outcome.Details}");
}
