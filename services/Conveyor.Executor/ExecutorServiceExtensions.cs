using Conveyor.Executor.Attempts;
using Conveyor.Executor.BinaryCache;
using Conveyor.Executor.Consumers;
using Conveyor.Executor.Registration;
using Conveyor.Executor.Runtimes.Docker;
using Conveyor.Executor.Runtimes.Output;
using Conveyor.Executor.Runtimes.Process;
using Conveyor.Messaging;
using Docker.DotNet;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor;

public static class ExecutorServiceExtensions
{
    /// <summary>Time the host allows for stopping beyond the grace period: killing, removing containers, reporting.</summary>
    static readonly TimeSpan StopMargin = TimeSpan.FromSeconds(30);

    public static WebApplicationBuilder AddExecutor(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<ExecutorOptions>().Bind(configuration.GetSection(ExecutorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProcessRuntimeOptions>().Bind(configuration.GetSection(ProcessRuntimeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DockerRuntimeOptions>().Bind(configuration.GetSection(DockerRuntimeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(nameof(ContentAddressedBinaryCache), (provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<ExecutorOptions>>().Value.DownloadTimeout);

        services.AddSingleton<ContentAddressedBinaryCache>();
        services.AddSingleton<ProcessLauncher>();
        services.AddSingleton<ProcessRuntime>();
        services.AddSingleton<IDockerClient>(provider => DockerClientFactory.Create(provider.GetRequiredService<IOptions<DockerRuntimeOptions>>().Value));
        services.AddSingleton<DockerImages>();
        services.AddSingleton<ContainerRuntime>();
        services.AddSingleton<JobVolumes>();
        services.AddSingleton<AttemptLogs>();
        services.AddSingleton<StepRunner>();
        services.AddSingleton<PipelineRunner>();
        services.AddSingleton<RunningAttempts>();
        services.AddSingleton<AttemptRunner>();
        services.AddSingleton<ExecutorCapabilities>();
        services.AddSingleton<ExecutorProfileProbe>();
        services.AddSingleton<ExecutorBeacon>();
        services.AddSingleton<LeftoverContainers>();
        services.AddSingleton<ExecuteJobEndpoint>();

        services.AddConveyorMessaging(configuration, bus =>
        {
            bus.AddConsumer<ExecuteJobConsumer, ExecuteJobConsumerDefinition>().ExcludeFromConfigureEndpoints();
            bus.AddConsumer<StopAttemptConsumer, StopAttemptConsumerDefinition>();
        });
        // After the bus: started once it runs, stopped before it, so running attempts can still report while it drains.
        services.AddHostedService<ExecutorLifecycle>();

        var grace = configuration.GetSection(ExecutorOptions.Section).Get<ExecutorOptions>()?.ShutdownGracePeriod ?? new ExecutorOptions().ShutdownGracePeriod;
        services.Configure<HostOptions>(host => host.ShutdownTimeout = grace + StopMargin);
        services.Configure<MassTransitHostOptions>(bus =>
        {
            bus.WaitUntilStarted = true;
            bus.ConsumerStopTimeout = grace + StopMargin;
            bus.StopTimeout = grace + StopMargin;
        });
        return builder;
    }
}
