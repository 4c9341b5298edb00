using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.BinaryCache;

/// <summary>
/// Binaries by sha256: each hash is downloaded once per executor, verified while it streams to a temporary file,
/// and only then moved to its final name and made executable. A mismatch never reaches the cache.
/// </summary>
public sealed class ContentAddressedBinaryCache(IHttpClientFactory httpClients, IOptions<ExecutorOptions> options)
{
    readonly ConcurrentDictionary<string, SemaphoreSlim> downloads = new();

    public async Task<string> Get(string url, string sha256, CancellationToken cancellationToken)
    {
        var expected = sha256.ToLowerInvariant();
        var path = Path.Combine(options.Value.CacheDirectory, expected);
        if (File.Exists(path))
            return path;

        var gate = downloads.GetOrAdd(expected, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(path))
                await Download(url, expected, path, cancellationToken);
            return path;
        }
        finally
        {
            gate.Release();
        }
    }

    async Task Download(string url, string expected, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Value.CacheDirectory);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".part";
        try
        {
            string actual;
            await using (var source = await Open(url, cancellationToken))
            await using (var target = File.Create(temporary))
                actual = await CopyHashing(source, target, cancellationToken);

            if (actual != expected)
                throw new ChecksumMismatchException(expected, actual);

            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    async Task<Stream> Open(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            throw new BinaryDownloadException($"binary_url is not an absolute URL: {url}");

        if (uri.IsFile)
        {
            return File.Exists(uri.LocalPath)
                ? File.OpenRead(uri.LocalPath)
                : throw new BinaryDownloadException($"binary not found at {url}");
        }

        if (uri.Scheme is not ("http" or "https"))
            throw new BinaryDownloadException($"unsupported binary_url scheme '{uri.Scheme}'");

        try
        {
            var client = httpClients.CreateClient(nameof(ContentAddressedBinaryCache));
            var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new BinaryDownloadException($"download of {url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            return await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new BinaryDownloadException($"download of {url} failed: {ex.Message}", ex);
        }
    }

    async Task<string> CopyHashing(Stream source, Stream target, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > options.Value.MaxDownloadBytes)
                throw new BinaryDownloadException($"binary is larger than the {options.Value.MaxDownloadBytes} byte limit");
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
