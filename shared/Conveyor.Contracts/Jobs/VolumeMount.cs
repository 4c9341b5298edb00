namespace Conveyor.Contracts.Jobs;

/// <summary>
/// A named volume of the job mounted at <see cref="Path"/>. The name is the job's own: a pipeline step that creates it
/// (<see cref="PipelineStep.CreateVolume"/>) must come first, and the executor removes it when the attempt ends.
/// </summary>
public sealed record VolumeMount(string Name, string Path);
