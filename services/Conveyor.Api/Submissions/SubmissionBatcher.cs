using System.Diagnostics;
using System.Threading.Channels;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Outbox;
using MassTransit;

namespace Conveyor.Api.Submissions;

/// <summary>
/// Groups the single submissions that arrive together into one batch for the scheduler, which stores a batch in one
/// transaction (each job still through its own saga's submit transition). Nothing waits to fill a batch: a submission
/// goes out at once when a sender is free, and the ones that arrive while every sender waits for the scheduler's
/// answer go out together next. An idle system sends batches of one; sixteen busy clients share a few transactions.
/// Each caller is answered only once its batch is committed, so a 201 still means the job is stored.
/// </summary>
public sealed class SubmissionBatcher(IServiceProvider services, ILogger<SubmissionBatcher> logger) : BackgroundService
{
    static readonly ActivitySource Tracing = new("Conveyor.Submissions");
    const int MaxBatch = 256;
    const int Senders = 4;

    readonly Channel<PendingSubmission> queue = Channel.CreateUnbounded<PendingSubmission>();

    /// <summary>True once the scheduler has stored the job; false when it did not confirm it in time (it may still be stored).</summary>
    public Task<bool> Submit(SubmitJob job)
    {
        var pending = new PendingSubmission(job);
        if (!queue.Writer.TryWrite(pending))
            pending.Answer.TrySetException(new InvalidOperationException("the API is shutting down"));
        return pending.Answer.Task;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Send(stoppingToken)));

    async Task Send(CancellationToken stoppingToken)
    {
        var batch = new List<PendingSubmission>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
                    batch.Add(pending);
                if (batch.Count > 0)
                    await SendBatch(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            foreach (var pending in batch)
                pending.Answer.TrySetCanceled(stoppingToken);
        }
    }

    async Task SendBatch(List<PendingSubmission> batch, CancellationToken stoppingToken)
    {
        try
        {
            // The request continues the first submission's trace; each job's own trace continues from its SubmitJob.
            using var activity = OutboxTracing.Continue(Tracing, "submit batch", batch[0].Job.TraceParent);
            // Scoped as MassTransit's request clients are; one scope per batch.
            await using var scope = services.CreateAsyncScope();
            var scheduler = scope.ServiceProvider.GetRequiredService<IRequestClient<SubmitJobBatch>>();
            await scheduler.GetResponse<JobBatchAccepted>(new SubmitJobBatch([.. batch.Select(p => p.Job)]), stoppingToken, SchedulerRequests.AnswerTimeout);
            foreach (var pending in batch)
                pending.Answer.TrySetResult(true);
        }
        catch (RequestTimeoutException)
        {
            logger.LogWarning("A batch of {Count} submissions was not confirmed in time", batch.Count);
            foreach (var pending in batch)
                pending.Answer.TrySetResult(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            foreach (var pending in batch)
                pending.Answer.TrySetException(ex);
        }
    }

    sealed record PendingSubmission(SubmitJob Job)
    {
        public TaskCompletionSource<bool> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
