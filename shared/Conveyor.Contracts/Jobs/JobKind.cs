namespace Conveyor.Contracts.Jobs;

/// <summary>What an executor runs for a job: a downloaded binary, a Docker container, or a chain of both.</summary>
public enum JobKind
{
    Binary = 0,
    Container = 1,
    Pipeline = 2,
}
