using Conveyor.TestSupport;

namespace Conveyor.CrashTests;

/// <summary>
/// Where a scenario runs: the stack, the API instances its clients spread over, and where its jobs' scripts are served.
/// </summary>
public abstract class ScenarioTopology : IAsyncDisposable
{
    public abstract ConveyorStack Stack { get; }

    /// <summary>One client per API instance; submitter <c>i</c> uses <c>Apis[i % Apis.Count]</c>.</summary>
    public abstract IReadOnlyList<HttpClient> Apis { get; }

    /// <summary>Publishes a job's script; returns its URL and sha256.</summary>
    public abstract (string Url, string Sha256) AddScript(string name, string body);

    public abstract ValueTask DisposeAsync();
}
