using System.Text;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence;

public sealed class ConveyorDbContext(DbContextOptions<ConveyorDbContext> options) : DbContext(options)
{
    public DbSet<JobLifecycleState> Jobs => Set<JobLifecycleState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConveyorDbContext).Assembly);
        UseSnakeCaseColumns(modelBuilder);
    }

    // Snake case keeps hand-written SQL (psql, the saga's row lock) free of quoting.
    static void UseSnakeCaseColumns(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName() == property.Name)
                    property.SetColumnName(ToSnakeCase(property.Name));
            }
        }
    }

    static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                builder.Append('_');
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }
}
