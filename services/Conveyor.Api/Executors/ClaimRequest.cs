using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Executors;

/// <summary>A polling executor asking for work: who it is, where it runs, which pool it serves and which kinds it runs.</summary>
public sealed record ClaimRequest(string ExecutorId, string ExecutorIp, string Pool, IReadOnlyList<JobKind> Kinds);
