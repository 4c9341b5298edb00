using Conveyor.Executor;
using Conveyor.Executor.BinaryCache;
using Conveyor.Executor.Runtimes.Docker;
using Conveyor.Executor.Runtimes.Process;
using Docker.DotNet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Tests;

/// <summary>The executor's runtimes, wired as the service wires them, over a data directory of their own.</summary>
public sealed class ExecutorParts : IDisposable
{
    readonly ServiceProvider httpClients;

    public ExecutorParts(Action<DockerRuntimeOptions>? docker = null, Action<ProcessRuntimeOptions>? process = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("conveyor-executor-test-").FullName;
        Options = new ExecutorOptions { ExecutorId = "test-" + Guid.NewGuid().ToString("N")[..8], DataDirectory = DataDirectory };
        var dockerOptions = new DockerRuntimeOptions();
        docker?.Invoke(dockerOptions);
        var executor = Microsoft.Extensions.Options.Options.Create(Options);
        var engine = Microsoft.Extensions.Options.Options.Create(dockerOptions);

        Docker = DockerClientFactory.Create(dockerOptions);
        Containers = new ContainerRuntime(Docker, new DockerImages(Docker, engine, executor), engine, executor, NullLogger<ContainerRuntime>.Instance);
        var processOptions = new ProcessRuntimeOptions();
        process?.Invoke(processOptions);
        var launcher = new ProcessLauncher(Microsoft.Extensions.Options.Options.Create(processOptions), NullLogger<ProcessLauncher>.Instance);
        Processes = new ProcessRuntime(launcher, executor, NullLogger<ProcessRuntime>.Instance);
        httpClients = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        Binaries = new ContentAddressedBinaryCache(httpClients.GetRequiredService<IHttpClientFactory>(), executor);
    }

    public string DataDirectory { get; }
    public ExecutorOptions Options { get; }
    public IDockerClient Docker { get; }
    public ContainerRuntime Containers { get; }
    public ProcessRuntime Processes { get; }
    public ContentAddressedBinaryCache Binaries { get; }

    public void Dispose()
    {
        Docker.Dispose();
        httpClients.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
