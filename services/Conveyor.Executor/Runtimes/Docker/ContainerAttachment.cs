using System.Net.Sockets;
using System.Text;
using Conveyor.Executor.Runtimes.Output;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>
/// Docker.DotNet's hijacked attach connection to a created container: the container's stdin one way, its multiplexed
/// stdout and stderr the other. Attach before start to miss no output.
/// </summary>
public sealed class ContainerAttachment(MultiplexedStream stream) : IDisposable
{
    static readonly ContainerAttachParameters Everything = new() { Stream = true, Stdin = true, Stdout = true, Stderr = true };

    public static async Task<ContainerAttachment> Open(IDockerClient docker, string id, CancellationToken cancellationToken) =>
        new(await docker.Containers.AttachContainerAsync(id, Everything, cancellationToken));

    /// <summary>
    /// Writes the input and half-closes the connection, which is how the container learns its stdin has ended (it is created
    /// with StdinOnce).
    /// </summary>
    public async Task WriteStdin(string? input, CancellationToken cancellationToken)
    {
        try
        {
            if (input is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(input);
                await stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken);
            }
            stream.CloseWrite();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The container ended without reading all of its input, or the attempt was stopped.
        }
    }

    /// <summary>Reads the container's output until it ends, which is when the container has exited.</summary>
    public async Task ReadOutput(OutputCapture stdout, OutputCapture stderr, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken) is { EOF: false } read)
                (read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout).Write(buffer.AsSpan(0, read.Count));
        }
        catch (EndOfStreamException)
        {
            // The connection ended inside a frame: whatever the container wrote before it is kept, as at a clean end.
        }
    }

    public void Dispose() => stream.Dispose();
}
