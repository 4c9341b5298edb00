using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Scheduler.StateMachines;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conveyor.Scheduler.Tests;

/// <summary>
/// One in-memory bus with the job lifecycle saga on the in-memory saga repository. Every call returns only once the saga
/// has finished consuming the message, so what it published, sent and stored can be read straight away.
/// </summary>
/// <remarks>
/// The harness's lists stop waiting for good once the bus has been quiet for the inactivity timeout, which a multi-step
/// scenario easily exceeds; the timeout is therefore set past the test timeout, and counts read a snapshot instead of waiting.
/// </remarks>
public sealed class SchedulerHarness : IAsyncDisposable
{
    static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(10);
    static readonly CancellationToken Snapshot = new(canceled: true);

    readonly ServiceProvider _provider;

    SchedulerHarness(ServiceProvider provider)
    {
        _provider = provider;
        Bus = provider.GetRequiredService<ITestHarness>();
        Saga = Bus.GetSagaStateMachineHarness<JobLifecycleStateMachine, JobLifecycleState>();
    }

    public ITestHarness Bus { get; }

    public ISagaStateMachineTestHarness<JobLifecycleStateMachine, JobLifecycleState> Saga { get; }

    public JobLifecycleStateMachine Machine => Saga.StateMachine;

    public static async Task<SchedulerHarness> Start()
    {
        var provider = new ServiceCollection()
            .AddMassTransitTestHarness(bus =>
            {
                bus.SetTestTimeouts(TestTimeout, testInactivityTimeout: TestTimeout * 3);
                bus.AddSagaStateMachine<JobLifecycleStateMachine, JobLifecycleState>();
                bus.UsingInMemory((context, transport) =>
                {
                    transport.UseSendFilter(typeof(RabbitMqSendContextFilter<>), context);
                    transport.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(validateScopes: true);
        var harness = new SchedulerHarness(provider);
        await harness.Bus.Start();
        return harness;
    }

    public async Task<JobAccepted> Submit(SubmitJob command)
    {
        var response = await Bus.GetRequestClient<SubmitJob>().GetResponse<JobAccepted>(command);
        await Consumed<SubmitJob>(m => m.Context.RequestId == response.RequestId);
        return response.Message;
    }

    /// <summary>Asks to start an attempt; the answer is either <see cref="AttemptGranted"/> or <see cref="AttemptRefused"/>.</summary>
    public async Task<object> Start(StartAttempt command)
    {
        var response = await Bus.GetRequestClient<StartAttempt>().GetResponse<AttemptGranted, AttemptRefused>(command);
        await Consumed<StartAttempt>(m => m.Context.RequestId == response.RequestId);
        return response.Message;
    }

    /// <summary>Asks to cancel a job; the answer is <see cref="JobCommandAccepted"/>, <see cref="JobCommandRejected"/> or <see cref="JobNotFound"/>.</summary>
    public async Task<object> Cancel(CancelJob command)
    {
        var response = await Bus.GetRequestClient<CancelJob>().GetResponse<JobCommandAccepted, JobCommandRejected, JobNotFound>(command);
        await Consumed<CancelJob>(m => m.Context.RequestId == response.RequestId);
        return response.Message;
    }

    /// <summary>Records a job run outside Conveyor; the answer is <see cref="JobCommandAccepted"/> or <see cref="JobCommandRejected"/>.</summary>
    public async Task<object> Record(RecordExternalJob command)
    {
        var response = await Bus.GetRequestClient<RecordExternalJob>().GetResponse<JobCommandAccepted, JobCommandRejected>(command);
        await Consumed<RecordExternalJob>(m => m.Context.RequestId == response.RequestId);
        return response.Message;
    }

    /// <summary>Asks to stop a job; answered like <see cref="Cancel"/>.</summary>
    public async Task<object> Stop(StopJob command)
    {
        var response = await Bus.GetRequestClient<StopJob>().GetResponse<JobCommandAccepted, JobCommandRejected, JobNotFound>(command);
        await Consumed<StopJob>(m => m.Context.RequestId == response.RequestId);
        return response.Message;
    }

    /// <summary>Publishes an executor's report (or a supervision event) and waits until the saga's endpoint has consumed it.</summary>
    public async Task Report<T>(T report)
        where T : class
    {
        var messageId = NewId.NextGuid();
        await Bus.Bus.Publish(report, context => context.MessageId = messageId);
        await Consumed<T>(m => m.Context.MessageId == messageId);
    }

    /// <summary>The job's saga as the in-memory repository holds it; read without waiting, like the lists below.</summary>
    public JobLifecycleState Job(Guid jobId) =>
        FindJob(jobId) ?? throw new InvalidOperationException($"no saga for job {jobId}");

    public bool HasJob(Guid jobId) => FindJob(jobId) is not null;

    /// <summary>What has been published so far, without waiting: every call above returns after the saga finished its work.</summary>
    public IReadOnlyList<T> Published<T>()
        where T : class => [.. Bus.Published.Select<T>(Snapshot).Select(m => m.Context.Message)];

    /// <summary>What has been sent so far, with each send's context, without waiting.</summary>
    public IReadOnlyList<ISentMessage<T>> Sent<T>()
        where T : class => [.. Bus.Sent.Select<T>(Snapshot)];

    JobLifecycleState? FindJob(Guid jobId) =>
        Saga.Sagas.Select(job => job.CorrelationId == jobId, Snapshot).Select(instance => instance.Saga).SingleOrDefault();

    /// <summary>Waits for the message to be consumed, and fails if consuming it faulted.</summary>
    async Task Consumed<T>(FilterDelegate<IReceivedMessage<T>> filter)
        where T : class
    {
        Assert.True(await Bus.Consumed.Any(filter), $"{typeof(T).Name} was not consumed");
        var exception = Bus.Consumed.Select(filter, Snapshot).Single().Exception;
        Assert.True(exception is null, $"consuming {typeof(T).Name} faulted: {exception}");
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
