using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Messaging.Faults;
using Conveyor.Messaging.Logging;
using Conveyor.Messaging.Recovery;
using Conveyor.Messaging.Topology;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conveyor.Messaging;

public static class MessagingServiceExtensions
{
    /// <summary>
    /// The one bus setup every service shares: RabbitMQ, kebab-case endpoints, a log scope with the job id,
    /// and the execution queues declared with their priority arguments before anything is sent to them.
    /// </summary>
    public static IServiceCollection AddConveyorMessaging(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IBusRegistrationConfigurator> registerConsumers)
    {
        services.AddOptions<RabbitMqOptions>().Bind(configuration.GetSection(RabbitMqOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ExecutionQueueDeclarer>();
        services.AddOptions<BusWatchdogOptions>().Bind(configuration.GetSection(BusWatchdogOptions.Section));
        services.AddSingleton<BrokerReachability>();
        services.AddSingleton<ExchangeBindings>();

        services.AddMassTransit(bus =>
        {
            // Conveyor talks only to its own broker; no usage reports leave the machine.
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            registerConsumers(bus);
            var options = configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
            if (options.QuorumQueues)
                bus.AddConfigureEndpointsCallback((_, name, endpoint) => ReplicatedQueues.Apply(name, endpoint));
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(options.Host, options.Port, options.VirtualHost, host =>
                {
                    host.Username(options.Username);
                    host.Password(options.Password);
                    host.PublisherConfirmation = true;
                    if (options.Nodes.Length > 0)
                        host.UseCluster(cluster =>
                        {
                            foreach (var node in options.Nodes)
                                cluster.Node(node);
                        });
                });
                if (options.PrefetchCount is { } prefetch)
                    rabbit.PrefetchCount = prefetch;
                // The saga's marker interfaces are for correlation in code; the broker needs no exchanges for them.
                rabbit.Publish<IJobMessage>(publish => publish.Exclude = true);
                rabbit.Publish<IAttemptMessage>(publish => publish.Exclude = true);
                rabbit.UseConsumeFilter(typeof(JobLogScopeFilter<>), context);
                if (configuration.GetValue<bool>("Messaging:DuplicateDeliveries"))
                    rabbit.UseConsumeFilter(typeof(DuplicateDeliveryFilter<>), context);
                rabbit.ConfigureEndpoints(context);
            });
        });
        // After the bus's own hosted service, so that it watches a bus that was started.
        services.AddHostedService<BusWatchdog>();
        return services;
    }
}
