namespace Conveyor.Executor.Runtimes.Process;

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, bool TimedOut);
