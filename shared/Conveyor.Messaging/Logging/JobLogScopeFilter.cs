using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Conveyor.Messaging.Logging;

/// <summary>Wraps every consumed message that carries a <c>JobId</c> in a log scope, so every line about a job names it.</summary>
public sealed class JobLogScopeFilter<T>(ILogger<JobLogScopeFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    static readonly PropertyInfo? JobIdProperty = typeof(T).GetProperty("JobId", typeof(Guid));

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (JobIdProperty is null)
        {
            await next.Send(context);
            return;
        }

        using (logger.BeginScope(new Dictionary<string, object?> { ["JobId"] = JobIdProperty.GetValue(context.Message) }))
            await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("jobLogScope");
}
