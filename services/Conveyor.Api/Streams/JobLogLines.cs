namespace Conveyor.Api.Streams;

/// <summary>
/// The body of a <c>log</c> event: lines one attempt printed on stdout or stderr, in order; <see cref="Step"/> is the
/// pipeline step that printed them (0 for a job of one step).
/// </summary>
public sealed record JobLogLines(Guid JobId, Guid AttemptId, string Stream, IReadOnlyList<string> Lines, DateTime At, int Step = 0);
