using Conveyor.Executor.BinaryCache;
using Conveyor.Executor.Consumers;
using Conveyor.Executor.Runtimes.Process;
using Conveyor.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor;

public static class ExecutorServiceExtensions
{
    public static WebApplicationBuilder AddExecutor(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ExecutorOptions>().Bind(builder.Configuration.GetSection(ExecutorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(nameof(ContentAddressedBinaryCache), (provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<ExecutorOptions>>().Value.DownloadTimeout);
        services.AddSingleton<ContentAddressedBinaryCache>();
        services.AddSingleton<ProcessRuntime>();
        services.AddSingleton<RunningAttempts>();
        services.AddConveyorMessaging(builder.Configuration, bus =>
        {
            bus.AddConsumer<ExecuteJobConsumer, ExecuteJobConsumerDefinition>();
            bus.AddConsumer<StopAttemptConsumer, StopAttemptConsumerDefinition>();
        });
        return builder;
    }
}
