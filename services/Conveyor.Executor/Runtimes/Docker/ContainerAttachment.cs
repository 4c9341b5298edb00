using System.Buffers.Binary;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Conveyor.Executor.Runtimes.Output;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>
/// A hijacked attach connection: after the HTTP upgrade the socket carries the container's stdin one way and its
/// multiplexed stdout and stderr the other (frames of an 8-byte header, stream id and big-endian length, then the bytes).
/// HttpClient cannot half-close a connection, which is how the container learns its stdin has ended, so this is a raw socket.
/// </summary>
public sealed class ContainerAttachment : IAsyncDisposable
{
    readonly Socket socket;
    readonly NetworkStream stream;

    ContainerAttachment(Socket socket)
    {
        this.socket = socket;
        stream = new NetworkStream(socket, ownsSocket: true);
    }

    public static async Task<ContainerAttachment> Open(Socket socket, string path, CancellationToken cancellationToken)
    {
        var attachment = new ContainerAttachment(socket);
        try
        {
            await attachment.Upgrade(path, cancellationToken);
            return attachment;
        }
        catch
        {
            await attachment.DisposeAsync();
            throw;
        }
    }

    async Task Upgrade(string path, CancellationToken cancellationToken)
    {
        var request = $"POST {path} HTTP/1.1\r\nHost: docker\r\nContent-Type: text/plain\r\nContent-Length: 0\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
        var head = await ReadHead(cancellationToken);
        var status = head.Split(' ', 3);
        if (status.Length >= 2 && status[1] is "101" or "200")
            return;
        throw new DockerEngineException($"the engine refused to attach: {head.Split("\r\n")[0]} {await ReadBody(head, cancellationToken)}".Trim());
    }

    // Byte by byte up to the blank line, so that no byte of the stream that follows is consumed with the headers.
    async Task<string> ReadHead(CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0 || head.Length > 16 * 1024)
                throw new DockerEngineException("the engine closed the attach connection before answering");
            head.Append((char)one[0]);
        }
        return head.ToString();
    }

    async Task<string> ReadBody(string head, CancellationToken cancellationToken)
    {
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (lengthLine is null || !int.TryParse(lengthLine["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture, out var length))
            return "";
        var body = new byte[Math.Min(length, 64 * 1024)];
        var read = await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken);
        return Encoding.UTF8.GetString(body, 0, read).Trim();
    }

    /// <summary>Writes the input and closes the sending side, which closes the container's stdin (the container is created with StdinOnce).</summary>
    public async Task WriteStdin(string? input, CancellationToken cancellationToken)
    {
        try
        {
            if (input is not null)
                await stream.WriteAsync(Encoding.UTF8.GetBytes(input), cancellationToken);
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The container ended without reading all of its input, or the attempt was stopped.
        }
    }

    /// <summary>Reads the container's output until it ends, which is when the container has exited.</summary>
    public async Task ReadOutput(OutputCapture stdout, OutputCapture stderr, CancellationToken cancellationToken)
    {
        var header = new byte[8];
        var buffer = new byte[16 * 1024];
        while (await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken) == header.Length)
        {
            var target = header[0] == 2 ? stderr : stdout;
            var remaining = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
            while (remaining > 0)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(remaining, (uint)buffer.Length)), cancellationToken);
                if (read == 0)
                    return;
                target.Write(buffer.AsSpan(0, read));
                remaining -= (uint)read;
            }
        }
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
