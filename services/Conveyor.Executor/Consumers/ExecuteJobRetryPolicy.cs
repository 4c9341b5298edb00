using MassTransit;

namespace Conveyor.Executor.Consumers;

/// <summary>
/// While the scheduler cannot answer "may I start this attempt?" (restarting, broker failover), keep the work and ask
/// again, for about a quarter of an hour, rather than dead-letter it: a job whose only message sits in an error queue never runs.
/// </summary>
public static class ExecuteJobRetryPolicy
{
    public static void Apply(IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(retry =>
        {
            retry.Handle<RequestTimeoutException>();
            retry.Handle<RequestException>();
            retry.Incremental(40, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        });
}
