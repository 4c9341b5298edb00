using Conveyor.Benchmarks;
using Conveyor.Benchmarks.Baselines;
using Conveyor.Benchmarks.Measurement;
using Conveyor.Benchmarks.Report;
using Conveyor.Benchmarks.Scenarios;
using Conveyor.TestSupport;

// Starts the four services against their own virtual host and database, measures the baselines and Conveyor's rows,
// prints the table and writes it to a file. Run through infra/scripts/bench.sh, which builds Release first.
var options = BenchmarkOptions.Parse(args);
var machine = MachineSize.Read();
var speed = MachineSpeed.Start();
var results = new Results();
await using var binaries = await BinaryServer.Start();
var job = TrivialJob.Elf(binaries);
var script = TrivialJob.Script(binaries);

if (options.Broker.IsCluster)
    await RabbitMqClusterScript.Start();
var stackOptions = new ConveyorStackOptions { StartExecutor = false, Broker = options.Broker, Environment = ServiceSettings.Parse(options.ServiceSettings) };
await using (var stack = await ConveyorStack.Start(stackOptions))
{
    try
    {
        var versions = await Versions.Read(options.Broker, stack.VirtualHost.Name, stack.Database.ConnectionString);
        Console.Error.WriteLine("[bench] baselines: plain RabbitMQ.Client and plain Npgsql");
        var rabbit = new RabbitMqBaseline(options.Broker, stack.VirtualHost.Name);
        var postgres = new PostgresBaseline(stack.Database.ConnectionString);
        var baselineTime = TimeSpan.FromSeconds(10);
        if (options.Runs(5))
        {
            results.RabbitPublishes = await rabbit.ConfirmedPublishes(options.Clients, baselineTime);
            results.RabbitLatency = await rabbit.PublishToDelivery(options.LatencySamples);
            results.PostgresCommits = await postgres.SingleRowCommits(options.Clients, baselineTime);
            results.PostgresLatency = await postgres.CommitLatency(options.LatencySamples);
        }

        // Idle: started, connected, and left alone for a few seconds.
        await Task.Delay(TimeSpan.FromSeconds(5));
        results.MemoryIdle = ResidentMemory.Read(stack.Processes);
        await new ConveyorScenarios(stack, options, job, script, results).Run();
        results.MemoryAtEnd = ResidentMemory.Read(stack.Processes);

        var table = ResultTable.Render(results, options, machine, versions, MachineSize.Read().LoadAverage, speed.Describe());
        Console.WriteLine(table);
        var output = Path.IsPathRooted(options.Output) ? options.Output : Path.Combine(TestInfrastructure.RepositoryRoot, options.Output);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, table);
        Console.Error.WriteLine($"[bench] written to {output}");
    }
    catch
    {
        Console.Error.WriteLine(stack.Logs());
        throw;
    }
    finally
    {
        if (options.KeepLogs is not null)
            foreach (var log in Directory.EnumerateFiles(stack.LogDirectory))
                File.Copy(log, Path.Combine(Directory.CreateDirectory(options.KeepLogs).FullName, Path.GetFileName(log)), overwrite: true);
    }
}
