using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// The node's WebSocket, on the same port: a client sends <c>{path: "/status" | "/log", header, body: {jobAddress,
/// address}}</c> and gets the job's history, then its live updates (<see cref="NosanaStreams"/>). Errors are text frames:
/// <c>Invalid signature</c>, <c>Invalid job params</c>, <c>Invalid address</c>. One socket may follow several jobs.
/// </summary>
public static class NosanaSocket
{
    public const string InvalidSignature = "Invalid signature";
    public const string InvalidParams = "Invalid job params";
    public const string InvalidAddress = "Invalid address";
    const int MaxMessageBytes = 64 * 1024;
    const int MaxFollowed = 64;

    public static WebApplication MapNosanaSocket(this WebApplication app)
    {
        app.Map("/", Accept);
        return app;
    }

    static async Task Accept(HttpContext context, NosanaStreams streams, NosanaAuthorization authorization, IOptions<NosanaOptions> options)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await NosanaText.Of(StatusCodes.Status400BadRequest, "a WebSocket upgrade is expected here").ExecuteAsync(context);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        // Frames from every followed job go out through one writer: a WebSocket takes one send at a time.
        var outgoing = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var writing = Write(socket, outgoing.Reader, closing.Token);
        var followed = new List<Task>();
        try
        {
            while (await Receive(socket, closing.Token) is { } received)
            {
                var refusal = received.Length > MaxMessageBytes ? InvalidParams : null;
                var message = refusal is null ? NosanaSocketMessage.Parse(received) : null;
                if (message is null || message.Path is not ("/status" or "/log"))
                    refusal = InvalidParams;
                else if (authorization.Check(message, options.Value, out var signer) is not null)
                    refusal = InvalidSignature;
                else if (followed.Count >= MaxFollowed)
                    refusal = InvalidParams;
                else
                {
                    var (error, following) = await streams.Open(message, signer, outgoing.Writer, closing.Token);
                    if (following is not null)
                        followed.Add(following);
                    refusal = error;
                }
                if (refusal is not null)
                    await outgoing.Writer.WriteAsync(refusal, closing.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            await closing.CancelAsync();
            await Task.WhenAll(followed).ContinueWith(_ => { }, TaskScheduler.Default);
            outgoing.Writer.TryComplete();
            await writing.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <returns>The next text message whole, or null once the client closes.</returns>
    static async Task<byte[]?> Receive(WebSocket socket, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return null;
            }
            // Past the limit the rest is read and dropped; the message is refused whole.
            if (message.Length <= MaxMessageBytes)
                message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
                return message.ToArray();
        }
    }

    static async Task Write(WebSocket socket, ChannelReader<string> frames, CancellationToken cancellationToken)
    {
        await foreach (var frame in frames.ReadAllAsync(cancellationToken))
            await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellationToken);
    }
}
