using Conveyor.Messaging;
using Conveyor.Notifications.Consumers;
using Conveyor.Notifications.Webhooks;
using Conveyor.Notifications.Webhooks.Subscriptions;
using Conveyor.Persistence;
using Conveyor.Persistence.Webhooks;
using Conveyor.Webhooks;
using Conveyor.Webhooks.Routing;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Notifications;

public static class NotificationsServiceExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NotificationsOptions>().Bind(builder.Configuration.GetSection(NotificationsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookTargetOptions>().Bind(builder.Configuration.GetSection(WebhookTargetOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddConveyorPersistence(builder.Configuration).AddConveyorMigrations();

        services.AddHttpClient(nameof(WebhookSender), client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => GuardedConnector.Handler(provider.GetRequiredService<IOptions<WebhookTargetOptions>>().Value));
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<SubscriptionCache>();
        services.AddSingleton<WebhookEventBindings>();
        services.AddSingleton<SubscribedEventRouting>();
        if (builder.Configuration.GetSection(NotificationsOptions.Section).Get<NotificationsOptions>()?.CacheSubscriptions ?? true)
            services.AddHostedService<SubscriptionChangeListener>();
        services.AddSingleton<DeliveryRecorder>();
        services.AddSingleton<DeliveryClaims>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<Redeliveries>();
        services.AddHostedService<DeliveryDispatcher>();

        services.AddConveyorMessaging(builder.Configuration, bus =>
        {
            bus.AddConsumer<JobEventRecorder, JobEventRecorderDefinition>();
            bus.AddConsumer<RedeliverWebhookConsumer, RedeliverWebhookConsumerDefinition>();
        });
        return builder;
    }
}
