using Conveyor.Contracts.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conveyor.Persistence.Jobs;

/// <summary>The columns of container and pipeline jobs, beside <see cref="JobLifecycleStateConfiguration"/> (EF applies both to the same entity).</summary>
public sealed class JobKindConfiguration : IEntityTypeConfiguration<JobLifecycleState>
{
    public void Configure(EntityTypeBuilder<JobLifecycleState> job)
    {
        // The defaults let rows written before these columns existed read as binary jobs; the saga always sets them itself.
        job.Property(j => j.Kind).HasConversion<string>().HasMaxLength(16).HasDefaultValue(JobKind.Binary).ValueGeneratedNever();
        job.Property(j => j.Container!).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<ContainerSpec>(), JsonColumn.ReplacedOnly<ContainerSpec>());
        job.Property(j => j.PipelineSteps).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<List<PipelineStep>>(), JsonColumn.ReplacedOnly<List<PipelineStep>>())
            .HasDefaultValueSql("'[]'").ValueGeneratedNever();
        job.Property(j => j.StepResults).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<List<StepResult>>(), JsonColumn.ReplacedOnly<List<StepResult>>())
            .HasDefaultValueSql("'[]'").ValueGeneratedNever();
    }
}
