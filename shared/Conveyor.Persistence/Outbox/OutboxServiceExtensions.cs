using Microsoft.Extensions.DependencyInjection;

namespace Conveyor.Persistence.Outbox;

public static class OutboxServiceExtensions
{
    /// <summary>The dispatcher that sends committed outbox messages; every service that runs a saga on PostgreSQL needs it.</summary>
    public static IServiceCollection AddConveyorOutbox(this IServiceCollection services)
    {
        services.AddSingleton<OutboxRelay>();
        services.AddSingleton(typeof(Sagas.SagaBatch<>));
        services.AddSingleton(typeof(Sagas.SagaGroupCommit<>));
        services.AddSingleton<DeliveredOutboxRows>();
        services.AddHostedService(provider => provider.GetRequiredService<DeliveredOutboxRows>());
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
