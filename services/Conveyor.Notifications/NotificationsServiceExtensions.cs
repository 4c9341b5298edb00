using Conveyor.Messaging;
using Conveyor.Notifications.Consumers;

namespace Conveyor.Notifications;

public static class NotificationsServiceExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddConveyorMessaging(builder.Configuration, bus => bus.AddConsumer<JobOutcomeConsumer>());
        return builder;
    }
}
