using Conveyor.Executor.BinaryCache;
using Conveyor.TestSupport;

namespace Conveyor.Executor.Tests;

public sealed class BinaryCacheTests : IAsyncLifetime
{
    readonly ExecutorParts executor = new();
    BinaryServer server = null!;

    public async Task InitializeAsync() => server = await BinaryServer.Start();

    [Fact]
    public async Task Should_download_a_binary_once_when_many_attempts_ask_for_it_at_the_same_time()
    {
        var (url, sha256) = server.AddScript("shared.sh", "echo shared");

        var paths = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => executor.Binaries.Get(url, sha256, CancellationToken.None)));

        Assert.Single(paths.Distinct());
        Assert.Equal(1, server.Downloads("shared.sh"));
        Assert.EndsWith(sha256, paths[0]);
    }

    [Fact]
    public async Task Should_keep_nothing_in_the_cache_when_the_sha256_does_not_match()
    {
        var (url, sha256) = server.AddScript("tampered.sh", "echo tampered");
        var wrong = new string(sha256.Reverse().ToArray());

        await Assert.ThrowsAsync<ChecksumMismatchException>(() => executor.Binaries.Get(url, wrong, CancellationToken.None));

        Assert.Empty(Directory.Exists(executor.Options.CacheDirectory) ? Directory.GetFiles(executor.Options.CacheDirectory) : []);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        executor.Dispose();
    }
}
