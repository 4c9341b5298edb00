namespace Conveyor.Api.Endpoints.V1.Jobs;

/// <summary>Seed 003's answer to a submit.</summary>
public sealed record SubmittedJob(Guid Id, string Type, string Status, DateTime CreatedAt);
