using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Conveyor.Persistence;

/// <summary>
/// How <c>dotnet ef</c> builds the context (migrations add, has-pending-model-changes, database update). The connection
/// string comes from <c>ConnectionStrings__Conveyor</c>, as in the services, else loopback with no credentials; adding a
/// migration or checking for model changes does not connect.
/// </summary>
public sealed class ConveyorDesignTimeDbContextFactory : IDesignTimeDbContextFactory<ConveyorDbContext>
{
    public const string ConnectionStringVariable = "ConnectionStrings__Conveyor";

    public ConveyorDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable) ?? "Host=127.0.0.1;Port=5432;Database=conveyor";
        var options = new DbContextOptionsBuilder<ConveyorDbContext>().UseNpgsql(connectionString).Options;
        return new ConveyorDbContext(options);
    }
}
