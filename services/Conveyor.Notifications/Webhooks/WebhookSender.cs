using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;

namespace Conveyor.Notifications.Webhooks;

/// <summary>Makes one signed POST of a delivery and says what came of it; it never throws for anything the receiver does.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<NotificationsOptions> options)
{
    public async Task<SendOutcome> Send(ClaimedDelivery claimed, CancellationToken cancellationToken)
    {
        var (delivery, subscription) = claimed;
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Conveyor-Event", delivery.Event);
        request.Headers.Add("Conveyor-Delivery", delivery.Id.ToString());
        request.Headers.Add("Conveyor-Event-Id", delivery.EventId.ToString());
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString());
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(subscription.Secret, timestamp, delivery.Payload));
        request.Headers.UserAgent.ParseAdd("Conveyor-Webhooks/1.0");

        var timeout = options.Value.RequestTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(nameof(WebhookSender)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var code = (int)response.StatusCode;
            return new SendOutcome
            {
                Delivered = response.IsSuccessStatusCode,
                Retryable = code is 408 or 429 or >= 500,
                StatusCode = code,
                Error = response.IsSuccessStatusCode ? null : $"the receiver answered {code}",
                Latency = watch.Elapsed,
                RetryAfter = RetryAfter(response),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failure($"no answer within {timeout.TotalSeconds:0.###} s", retryable: true, watch.Elapsed);
        }
        catch (HttpRequestException ex) when (ex.InnerException is TargetRefusedException refused)
        {
            return Failure(refused.Message, retryable: false, watch.Elapsed);
        }
        catch (HttpRequestException ex)
        {
            return Failure(ex.InnerException is null ? ex.Message : $"{ex.Message} ({ex.InnerException.Message})", retryable: true, watch.Elapsed);
        }
    }

    static SendOutcome Failure(string error, bool retryable, TimeSpan latency) =>
        new() { Delivered = false, Retryable = retryable, Error = error, Latency = latency };

    static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };
}
