namespace Conveyor.TestSupport;

/// <summary>
/// Where the locally started broker and database are (infra/scripts/start-infra.sh). Environment variables override
/// the loopback defaults; tests never address anything but loopback.
/// </summary>
public static class TestInfrastructure
{
    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("CONVEYOR_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Database=conveyor;Username=conveyor;Password=conveyor";

    public static string RabbitHost => Environment.GetEnvironmentVariable("CONVEYOR_TEST_RABBIT_HOST") ?? "127.0.0.1";

    public static string RabbitManagementUrl => Environment.GetEnvironmentVariable("CONVEYOR_TEST_RABBIT_MANAGEMENT") ?? "http://127.0.0.1:15672";

    public static string RabbitUser => Environment.GetEnvironmentVariable("CONVEYOR_TEST_RABBIT_USER") ?? "conveyor";

    public static string RabbitPassword => Environment.GetEnvironmentVariable("CONVEYOR_TEST_RABBIT_PASSWORD") ?? "conveyor";

    /// <summary>The repository root, found from the test binaries, so that service builds can be started as processes.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Microservices.sln")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Microservices.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Debug or Release: the configuration the tests themselves were built in, so services match them.</summary>
    public static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
}
