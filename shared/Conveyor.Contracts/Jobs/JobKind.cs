namespace Conveyor.Contracts.Jobs;

/// <summary>What an executor runs for a job: a downloaded binary, a Docker container, or a chain of both.</summary>
public enum JobKind
{
    Binary = 0,
    Container = 1,
    Pipeline = 2,

    /// <summary>
    /// An opaque JSON payload (the definition's <c>Input</c>) for a polling node that knows what to do with it (a
    /// NEXAPod node). No executor of Conveyor's own runs it: it waits in its pool until a node claims it.
    /// </summary>
    Data = 3,
}
