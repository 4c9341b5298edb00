namespace Conveyor.Api.Streams;

/// <summary>The body of a <c>log</c> event: lines one attempt printed on stdout or stderr, in order.</summary>
public sealed record JobLogLines(Guid JobId, Guid AttemptId, string Stream, IReadOnlyList<string> Lines, DateTime At);
