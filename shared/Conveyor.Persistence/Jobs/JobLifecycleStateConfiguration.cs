using Conveyor.Contracts.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conveyor.Persistence.Jobs;

public sealed class JobLifecycleStateConfiguration : IEntityTypeConfiguration<JobLifecycleState>
{
    public void Configure(EntityTypeBuilder<JobLifecycleState> job)
    {
        job.ToTable("jobs");
        job.HasKey(j => j.CorrelationId);
        job.Property(j => j.CorrelationId).HasColumnName("id");
        job.Property(j => j.CurrentState).HasMaxLength(32);
        job.Property(j => j.Type).HasMaxLength(200);
        job.Property(j => j.BinarySha256).HasMaxLength(64);
        job.Property(j => j.EnvVariables).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<Dictionary<string, string>>(), JsonColumn.Comparer<Dictionary<string, string>>());
        job.Property(j => j.Attempts).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<List<AttemptRecord>>(), JsonColumn.Comparer<List<AttemptRecord>>());
        job.Property(j => j.Resources).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<JobResources>(), JsonColumn.Comparer<JobResources>());
        job.Property(j => j.Pool).HasMaxLength(64);
        job.Property(j => j.Owner).HasMaxLength(200);
        job.Ignore(j => j.CurrentAttempt);
        job.HasIndex(j => new { j.CurrentState, j.CreatedAt });
        job.HasIndex(j => j.CreatedAt);
    }
}
