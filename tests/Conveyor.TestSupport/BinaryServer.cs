using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Conveyor.TestSupport;

/// <summary>Serves test binaries over HTTP on loopback, as a real artefact store would.</summary>
public sealed class BinaryServer : IAsyncDisposable
{
    readonly WebApplication app;
    readonly string directory;
    readonly ConcurrentDictionary<string, int> downloads;

    BinaryServer(WebApplication app, string directory, string baseUrl, ConcurrentDictionary<string, int> downloads)
    {
        this.app = app;
        this.directory = directory;
        this.downloads = downloads;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <param name="listenOn">Where to serve instead of loopback: a simulated network's gateway, for executors on its hosts.</param>
    public static async Task<BinaryServer> Start(System.Net.IPAddress? listenOn = null)
    {
        var directory = Directory.CreateTempSubdirectory("conveyor-binaries-").FullName;
        var downloads = new ConcurrentDictionary<string, int>();
        var (app, address) = await LoopbackHttp.Start(server => server.MapGet("/bin/{name}", (string name) =>
        {
            downloads.AddOrUpdate(name, 1, (_, count) => count + 1);
            var path = Path.Combine(directory, Path.GetFileName(name));
            return File.Exists(path) ? Results.File(path, "application/octet-stream") : Results.NotFound();
        }), listenOn);
        return new BinaryServer(app, directory, address, downloads);
    }

    /// <summary>
    /// Publishes a shell script; returns its URL and sha256. Written beside and renamed into place: tests publish the same
    /// script again for each job, and rewriting it in place could let an executor download it half written.
    /// </summary>
    public (string Url, string Sha256) AddScript(string name, string body) =>
        AddFile(name, System.Text.Encoding.UTF8.GetBytes("#!/bin/sh\n" + body + "\n"));

    /// <summary>Publishes any file (a copy of a real executable, say); returns its URL and sha256.</summary>
    public (string Url, string Sha256) AddFile(string name, byte[] content)
    {
        var path = Path.Combine(directory, name);
        var staging = path + ".staging-" + Guid.NewGuid().ToString("N");
        File.WriteAllBytes(staging, content);
        File.Move(staging, path, overwrite: true);
        return ($"{BaseUrl}/bin/{name}", Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>How many times <paramref name="name"/> was requested.</summary>
    public int Downloads(string name) => downloads.GetValueOrDefault(name);

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
