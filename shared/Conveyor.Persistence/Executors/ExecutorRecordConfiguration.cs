using Conveyor.Contracts.Executors;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conveyor.Persistence.Executors;

public sealed class ExecutorRecordConfiguration : IEntityTypeConfiguration<ExecutorRecord>
{
    public void Configure(EntityTypeBuilder<ExecutorRecord> executor)
    {
        executor.ToTable("executors");
        executor.HasKey(e => e.ExecutorId).HasName("executors_pkey");
        executor.Property(e => e.ExecutorId).HasMaxLength(200);
        executor.Property(e => e.Pool).HasMaxLength(64);
        executor.Property(e => e.Profile).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<ExecutorProfile>(), JsonColumn.Comparer<ExecutorProfile>());
        executor.Property(e => e.RunningAttempts).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<List<RunningAttemptInfo>>(), JsonColumn.Comparer<List<RunningAttemptInfo>>());
        executor.HasIndex(e => e.LastHeartbeatAt, "ix_executors_last_heartbeat_at");
    }
}
