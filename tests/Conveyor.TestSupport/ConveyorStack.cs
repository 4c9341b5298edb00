using System.Collections.Concurrent;

namespace Conveyor.TestSupport;

/// <summary>
/// All four services as real processes against the real broker and database, isolated in their own virtual host and
/// database. Start it once per test class collection; it is torn down with everything it created.
/// </summary>
public sealed class ConveyorStack : IAsyncDisposable
{
    static readonly string[] Services = ["Conveyor.Scheduler", "Conveyor.Executor", "Conveyor.Notifications", "Conveyor.Api"];

    /// <summary>Generous: on a loaded 2-core machine, four services compiling and migrating at once have taken over 90 s.</summary>
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    /// <summary>The exit code with which a service asks its supervisor to start it again (see BusWatchdog).</summary>
    const int RestartExitCode = 75;

    readonly List<ServiceProcess> processes = [];
    readonly CancellationTokenSource supervising = new();
    readonly ConcurrentDictionary<ServiceProcess, int> ports = new();
    readonly ConcurrentDictionary<ServiceProcess, IReadOnlyDictionary<string, string>> environments = new();
    readonly ConcurrentDictionary<ServiceProcess, SimulatedHost?> hosts = new();
    readonly string dataDirectory = Directory.CreateTempSubdirectory("conveyor-stack-").FullName;

    readonly ConveyorStackOptions options;

    ConveyorStack(IsolatedDatabase database, IsolatedVirtualHost virtualHost, int apiPort, ConveyorStackOptions options)
    {
        this.options = options;
        Database = database;
        VirtualHost = virtualHost;
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}"), Timeout = TimeSpan.FromSeconds(60) };
        ApiPort = apiPort;
    }

    public IsolatedDatabase Database { get; }
    public IsolatedVirtualHost VirtualHost { get; }
    public HttpClient Api { get; }
    public int ApiPort { get; }
    public IReadOnlyList<ServiceProcess> Processes => Snapshot();

    /// <summary>The services the stack started again because they asked to be (exit code 75: a bus watchdog gave up), by name.</summary>
    public IReadOnlyList<string> SupervisedRestarts
    {
        get
        {
            lock (supervisedRestarts)
                return supervisedRestarts.ToList();
        }
    }

    readonly List<string> supervisedRestarts = [];
    public string LogDirectory => Path.Combine(dataDirectory, "logs");

    /// <param name="settings">Configuration every service gets on top of the defaults, as environment variables (e.g. <c>Scheduler__HeartbeatTimeout</c>).</param>
    public static Task<ConveyorStack> Start(IReadOnlyDictionary<string, string>? settings = null) =>
        Start(new ConveyorStackOptions { Settings = settings ?? NoEnvironment });

    /// <summary>Starts the stack with per-service environment overrides, and with or without its default executor.</summary>
    public static async Task<ConveyorStack> Start(ConveyorStackOptions options)
    {
        var database = await IsolatedDatabase.Create();
        var virtualHost = await IsolatedVirtualHost.Create(options.Broker);
        var stack = new ConveyorStack(database, virtualHost, FreePort.Next(), options);
        try
        {
            if (options.StartServices)
                await stack.ApplySchema();
            foreach (var service in Services.Where(s => options.StartServices && (options.StartExecutor || s != "Conveyor.Executor")))
                stack.Launch(service, service == "Conveyor.Api" ? stack.ApiPort : FreePort.Next(), NoEnvironment);
            await stack.WaitUntilHealthy(StartTimeout);
            _ = stack.Supervise();
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts another instance of a service (a second executor, or one restarted after a crash) and waits until it is ready.</summary>
    public Task<ServiceProcess> StartAnother(string service) => StartAnother(service, NoEnvironment);

    /// <summary>Starts another instance of a service with extra environment (over the stack's and its options') and waits until it is ready.</summary>
    public async Task<ServiceProcess> StartAnother(string service, IReadOnlyDictionary<string, string> environment)
    {
        var process = Launch(service, FreePort.Next(), environment);
        await WaitUntilHealthy(StartTimeout);
        return process;
    }

    /// <summary>
    /// Starts a service on a simulated host of <paramref name="network"/>: it listens on the host's address and reaches the
    /// broker and the database over the host's link, at the network's gateway. Waits until every service is ready.
    /// </summary>
    public async Task<ServiceProcess> StartOn(SimulatedNetwork network, SimulatedHost host, string service,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = network.Gateway.ToString() };
        var placed = new Dictionary<string, string>
        {
            ["RabbitMq__Host"] = network.Gateway.ToString(),
            ["ConnectionStrings__Conveyor"] = database.ConnectionString,
        }.Overlay(environment ?? NoEnvironment);
        var process = Launch(service, FreePort.Next(), placed, host);
        await WaitUntilHealthy(StartTimeout);
        return process;
    }

    /// <summary>
    /// Starts an executor serving <paramref name="pool"/> with <paramref name="slots"/> slots (named <paramref name="executorId"/>
    /// when given) and waits until it is ready, that is, consuming its pool's queue.
    /// </summary>
    public Task<ServiceProcess> StartExecutor(string pool, int slots, string? executorId = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Executor__Pool"] = pool,
            ["Executor__Slots"] = slots.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (executorId is not null)
            environment["Executor__ExecutorId"] = executorId;
        return StartAnother("Conveyor.Executor", environment);
    }

    /// <summary>Ends one service (SIGKILL, as a crash would); the rest of the stack keeps running and the process stays in <see cref="Logs"/>.</summary>
    public void Stop(ServiceProcess process)
    {
        if (!Snapshot().Contains(process))
            throw new ArgumentException($"{process.Name} is not part of this stack", nameof(process));
        process.Kill();
    }

    /// <summary>Starts a killed (or live) service again on the same port, as a supervisor restarting it would, and waits until it is ready.</summary>
    public async Task<ServiceProcess> Restart(ServiceProcess process)
    {
        process.Kill();
        var restarted = Launch(process.Name, ports[process], environments[process], hosts[process]);
        await WaitUntilHealthy(StartTimeout);
        return restarted;
    }

    ServiceProcess Launch(string service, int port, IReadOnlyDictionary<string, string> environment, SimulatedHost? host = null)
    {
        var process = StartService(service, port, environment, host);
        lock (processes)
        {
            processes.Add(process);
            ports[process] = port;
            environments[process] = environment;
            hosts[process] = host;
        }
        return process;
    }

    /// <summary>
    /// Brings the new database's schema up to date with the scheduler's one-shot <c>migrate</c> command before any service
    /// starts, as a deployment does (compose's <c>migrate</c> service), so the services start on a current schema.
    /// </summary>
    async Task ApplySchema()
    {
        var migrate = ServiceProcess.Start("Conveyor.Scheduler", ServiceEnvironment("Conveyor.Scheduler", FreePort.Next(), NoEnvironment, null), LogDirectory,
            networkNamespace: null, "migrate");
        if (!await migrate.WaitForExit(StartTimeout))
        {
            migrate.Kill();
            throw new TimeoutException($"`Conveyor.Scheduler migrate` did not finish:\n{migrate.Tail()}");
        }
        if (migrate.ExitCode != 0)
            throw new InvalidOperationException($"`Conveyor.Scheduler migrate` exited with {migrate.ExitCode}:\n{migrate.Tail()}");
    }

    ServiceProcess StartService(string service, int port, IReadOnlyDictionary<string, string> environment, SimulatedHost? host) =>
        ServiceProcess.Start(service, ServiceEnvironment(service, port, environment, host), LogDirectory, host?.Namespace);

    Dictionary<string, string> ServiceEnvironment(string service, int port, IReadOnlyDictionary<string, string> environment, SimulatedHost? host) => new Dictionary<string, string>(options.Settings)
    {
        ["Urls"] = $"http://{host?.Address.ToString() ?? "127.0.0.1"}:{port}",
        ["ConnectionStrings__Conveyor"] = Database.ConnectionString,
        ["RabbitMq__Host"] = TestInfrastructure.RabbitHost,
        ["RabbitMq__VirtualHost"] = VirtualHost.Name,
        ["RabbitMq__Username"] = TestInfrastructure.RabbitUser,
        ["RabbitMq__Password"] = TestInfrastructure.RabbitPassword,
        ["Executor__DataDirectory"] = Path.Combine(dataDirectory, "executor-" + Guid.NewGuid().ToString("N")[..6]),
        ["DOTNET_ENVIRONMENT"] = "Production",
    }.Overlay(BrokerSettings()).Overlay(options.Environment.GetValueOrDefault(service)).Overlay(environment);

    /// <summary>On a cluster: every node, and the services' durable queues declared as quorum queues.</summary>
    Dictionary<string, string> BrokerSettings()
    {
        var settings = new Dictionary<string, string>();
        if (!options.Broker.IsCluster)
            return settings;
        settings["RabbitMq__QuorumQueues"] = "true";
        var (host, port) = options.Broker.FirstNode;
        (settings["RabbitMq__Host"], settings["RabbitMq__Port"]) = (host, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < options.Broker.AmqpNodes.Count; i++)
            settings[$"RabbitMq__Nodes__{i}"] = options.Broker.AmqpNodes[i];
        return settings;
    }

    async Task WaitUntilHealthy(TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var exited = Snapshot().FirstOrDefault(p => p.HasExited && !p.WasKilled && p.ExitCode != RestartExitCode);
            if (exited is not null)
                throw new InvalidOperationException($"{exited.Name} exited during start:\n{exited.Tail()}");
            if (await AllReady())
                return;
            await Task.Delay(250);
        }
        throw new TimeoutException("the stack did not become healthy:\n" + string.Join("\n\n", Snapshot().Select(p => $"== {p.Name}\n{p.Tail()}")));
    }

    // Every live service's bus must be up, or a message published now could reach an exchange with no queue bound yet.
    async Task<bool> AllReady()
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var process in Snapshot().Where(p => !p.HasExited))
        {
            try
            {
                var ready = await probe.GetAsync(new Uri(AddressOf(process), "/health/ready"));
                if (!ready.IsSuccessStatusCode)
                    return false;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The base address a service instance of this stack listens on.</summary>
    public Uri AddressOf(ServiceProcess process) => new($"http://{hosts[process]?.Address.ToString() ?? "127.0.0.1"}:{ports[process]}");

    /// <summary>The live processes of one service, oldest first.</summary>
    public IReadOnlyList<ServiceProcess> Running(string service) => Snapshot().Where(p => p.Name == service && !p.HasExited).ToList();

    public string Logs() => string.Join("\n\n", Snapshot().Select(p => $"== {p.Name}\n{p.Tail()}"));

    IReadOnlyList<ServiceProcess> Snapshot()
    {
        lock (processes)
            return processes.ToList();
    }

    /// <summary>
    /// Acts as the stack's process supervisor: a service that ends asking to be started again (exit code 75) is started
    /// again on its port with its environment, as infra/scripts/supervise.sh does. Any other exit is left alone, for the
    /// test to see.
    /// </summary>
    async Task Supervise()
    {
        var restarted = new HashSet<ServiceProcess>();
        while (!supervising.IsCancellationRequested)
        {
            foreach (var process in Snapshot().Where(p => p.HasExited && !p.WasKilled && p.ExitCode == RestartExitCode && restarted.Add(p)))
            {
                lock (supervisedRestarts)
                    supervisedRestarts.Add(process.Name);
                Launch(process.Name, ports[process], environments[process], hosts[process]);
            }
            try
            {
                await Task.Delay(250, supervising.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        supervising.Cancel();
        foreach (var process in Snapshot())
            await process.DisposeAsync();
        Api.Dispose();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
        KeepLogsWhenAsked();
        Directory.Delete(dataDirectory, recursive: true);
    }

    /// <summary>With CONVEYOR_KEEP_TEST_LOGS set to a directory, every service's whole log survives the stack, to read after a failure.</summary>
    void KeepLogsWhenAsked()
    {
        var keep = Environment.GetEnvironmentVariable("CONVEYOR_KEEP_TEST_LOGS");
        if (string.IsNullOrEmpty(keep) || !Directory.Exists(LogDirectory))
            return;
        var target = Directory.CreateDirectory(Path.Combine(keep, Path.GetFileName(dataDirectory))).FullName;
        foreach (var file in Directory.GetFiles(LogDirectory))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
    }
}
