namespace Conveyor.EndToEnd.Tests.Scheduling;

/// <summary>A pool stack whose scheduler ages queued work quickly: one priority up for every second waited.</summary>
public sealed class AgingStackFixture() : PoolStackFixture(new Dictionary<string, string>
{
    ["Scheduler__PriorityAging"] = AgingPeriod.ToString(),
    ["Scheduler__SweepInterval"] = "00:00:00.250",
})
{
    public static readonly TimeSpan AgingPeriod = TimeSpan.FromSeconds(1);
}

[CollectionDefinition(Name)]
public sealed class AgingStackCollection : ICollectionFixture<AgingStackFixture>
{
    public const string Name = "aging";
}
