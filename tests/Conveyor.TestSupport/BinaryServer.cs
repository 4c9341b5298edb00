using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using System.Security.Cryptography;

namespace Conveyor.TestSupport;

/// <summary>Serves test binaries over HTTP on loopback, as a real artefact store would.</summary>
public sealed class BinaryServer : IAsyncDisposable
{
    readonly WebApplication app;
    readonly string directory;

    BinaryServer(WebApplication app, string directory, string baseUrl)
    {
        this.app = app;
        this.directory = directory;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<BinaryServer> Start()
    {
        var directory = Directory.CreateTempSubdirectory("conveyor-binaries-").FullName;
        var (app, address) = await LoopbackHttp.Start(server => server.MapGet("/bin/{name}", (string name) =>
        {
            var path = Path.Combine(directory, Path.GetFileName(name));
            return File.Exists(path) ? Results.File(path, "application/octet-stream") : Results.NotFound();
        }));
        return new BinaryServer(app, directory, address);
    }

    /// <summary>Publishes a shell script; returns its URL and sha256.</summary>
    public (string Url, string Sha256) AddScript(string name, string body)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        return ($"{BaseUrl}/bin/{name}", sha256);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
