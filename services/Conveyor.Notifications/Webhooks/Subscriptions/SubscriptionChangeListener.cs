using Npgsql;

namespace Conveyor.Notifications.Webhooks.Subscriptions;

/// <summary>
/// Holds a PostgreSQL connection that LISTENs on <see cref="Channel"/>, which a trigger on <c>webhook_subscriptions</c>
/// notifies in the transaction of every change (migration <c>NotifySubscriptionChanges</c>), and tells
/// <see cref="SubscriptionCache"/>. PostgreSQL sends the notification as the change commits, so the cache forgets the old
/// set within moments of the API's answer, long before a job submitted after it can have an event. A connection that breaks stops the caching until a new one listens; an idle
/// connection is checked every <see cref="CheckEvery"/>, so that one the network silently dropped is found out.
/// Once listening, and after each change, the broker's routing of job events is made to follow the subscriptions
/// (<see cref="SubscribedEventRouting"/>); when that fails (the broker is away) it is tried again every second.
/// </summary>
public sealed class SubscriptionChangeListener(
    SubscriptionCache cache,
    SubscribedEventRouting routing,
    IConfiguration configuration,
    ILogger<SubscriptionChangeListener> logger) : BackgroundService
{
    public const string Channel = "webhook_subscriptions_changed";
    static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(10);
    static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Listen(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Not listening for subscription changes; every event reads the subscriptions until this is back");
            }
            finally
            {
                cache.Listening(false);
            }
            try
            {
                await Task.Delay(RetryAfter, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    async Task Listen(CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(configuration.GetConnectionString("Conveyor"));
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, _) => cache.Changed();
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        cache.Listening(true);
        logger.LogInformation("Listening for subscription changes");
        var routed = await TryRoute(stoppingToken);
        while (true)
        {
            if (await connection.WaitAsync(routed ? CheckEvery : RetryAfter, stoppingToken))
                routed = false;
            else if (routed)
            {
                await using var check = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = 5 };
                await check.ExecuteScalarAsync(stoppingToken);
            }
            if (!routed)
                routed = await TryRoute(stoppingToken);
        }
    }

    async Task<bool> TryRoute(CancellationToken stoppingToken)
    {
        try
        {
            await routing.Follow(stoppingToken);
            return true;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Job event routing not brought up to date, trying again: {Reason}", ex.Message);
            return false;
        }
    }
}
