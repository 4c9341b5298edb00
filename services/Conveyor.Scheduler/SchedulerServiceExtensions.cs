using Conveyor.Contracts.Attempts;
using Conveyor.Messaging;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Conveyor.Persistence.Outbox;
using Conveyor.Persistence.Sagas;
using Conveyor.Scheduler.Executors;
using Conveyor.Scheduler.StateMachines;
using Conveyor.Scheduler.Submissions;
using Conveyor.Scheduler.Supervision;
using MassTransit;

namespace Conveyor.Scheduler;

public static class SchedulerServiceExtensions
{
    public static WebApplicationBuilder AddScheduler(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchedulerOptions>().Bind(builder.Configuration.GetSection(SchedulerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddConveyorPersistence(builder.Configuration).AddConveyorMigrations().AddConveyorOutbox();
        builder.Services.AddHostedService<SupervisionSweeper>();
        builder.Services.AddHostedService<InboxRetention>();
        builder.Services.AddSingleton<ExecutorRegistry>();
        // An executor's grants and reports arrive many at a time under load; each group of them is one transaction.
        builder.Services.AddSingleton(new SagaGrouping<JobLifecycleState>(
            typeof(StartAttempt), typeof(AttemptHeartbeat), typeof(AttemptServiceReady), typeof(AttemptCompleted), typeof(AttemptFailed)));
        builder.Services.AddConveyorMessaging(builder.Configuration, bus =>
        {
            bus.AddSagaStateMachine<JobLifecycleStateMachine, JobLifecycleState, JobLifecycleStateDefinition>().PostgresRepository();
            bus.AddConsumer<ExecutorRegistryConsumer>();
            bus.AddConsumer<SubmitJobBatchConsumer, SubmitJobBatchConsumerDefinition>();
        });
        return builder;
    }
}
