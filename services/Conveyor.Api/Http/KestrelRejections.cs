using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Conveyor.Api.Http;

/// <summary>
/// Gives the documented error shape to the requests Kestrel refuses before any middleware runs (a NUL in the path, a
/// request line it cannot parse). Kestrel answers those itself with an empty 400 and closes the connection, and offers no
/// way to change that answer; this connection middleware recognises exactly that answer in what Kestrel writes
/// (a 4xx status line, <c>Content-Length: 0</c>, <c>Connection: close</c>, nothing after the headers) and writes it
/// again with a JSON body. Everything else passes through untouched and uncopied.
/// </summary>
public static class KestrelRejections
{
    public static void ShapeRejections(this ListenOptions listen) => listen.Use(next => async connection =>
    {
        var transport = connection.Transport;
        connection.Transport = new ShapedTransport(transport.Input, new ShapingWriter(transport.Output));
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    });

    sealed class ShapedTransport(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }

    /// <summary>Passes writes through; only an advance that is exactly a rejection is replaced.</summary>
    sealed class ShapingWriter(PipeWriter inner) : PipeWriter
    {
        Memory<byte> lent;

        public override Memory<byte> GetMemory(int sizeHint = 0) => lent = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => (lent = inner.GetMemory(sizeHint)).Span;

        public override void Advance(int bytes)
        {
            var written = bytes <= lent.Length ? lent.Span[..bytes] : default;
            lent = default;
            if (written.Length > 0 && RejectionShape.TryShape(written, out var shaped))
                inner.Write<byte>(shaped); // the lent memory was never advanced, so this overwrites it in place
            else
                inner.Advance(bytes);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
            inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}

/// <summary>Recognises Kestrel's own refusal of a request and rewrites it with the error shape as its body.</summary>
public static class RejectionShape
{
    static readonly byte[] EmptyBody = "\r\nContent-Length: 0\r\n"u8.ToArray();
    static readonly byte[] Closing = "\r\nConnection: close\r\n"u8.ToArray();
    static readonly byte[] HeadersEnd = "\r\n\r\n"u8.ToArray();

    public static bool TryShape(ReadOnlySpan<byte> response, out byte[] shaped)
    {
        shaped = [];
        if (response.Length < 16 || response.Length > 1024 || !IsClientErrorLine(response)
            || !response.EndsWith(HeadersEnd) || response.IndexOf(EmptyBody) < 0 || response.IndexOf(Closing) < 0
            || response.IndexOf(HeadersEnd) != response.Length - HeadersEnd.Length)
            return false;

        var text = Encoding.ASCII.GetString(response);
        var firstLineEnd = text.IndexOf("\r\n", StringComparison.Ordinal);
        var reason = text[13..firstLineEnd].Trim().ToLowerInvariant();
        var body = Encoding.UTF8.GetBytes(
            $"{{\"error\":\"the server could not read the request ({reason})\",\"context\":{{\"status\":{text[9..12]}}}}}");
        var headers = text[..^2].Replace("\r\nContent-Length: 0\r\n",
            $"\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n", StringComparison.Ordinal);
        shaped = [.. Encoding.ASCII.GetBytes(headers + "\r\n"), .. body];
        return true;
    }

    /// <summary><c>HTTP/1.x 4dd </c>: Kestrel's refusals are all client errors.</summary>
    static bool IsClientErrorLine(ReadOnlySpan<byte> response) =>
        response.StartsWith("HTTP/1."u8) && response[9] == (byte)'4' && char.IsAsciiDigit((char)response[10])
        && char.IsAsciiDigit((char)response[11]) && response[12] == (byte)' ';
}
