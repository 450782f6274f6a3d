using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using System.Diagnostics;
using FluxCaption.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// Handles one stage delivery end to end: dead-letters poison, takes the lease (a duplicate leases
/// nothing and is a no-op), heartbeats, runs the stage, records the outcome. The caller acknowledges
/// the entry only after this returns, i.e. after the outcome is committed.
/// </summary>
public sealed class StageMessageProcessor(
    FluxCaptionDbContext db,
    JobStateStore state,
    JobEventRecorder events,
    StageQueue queue,
    StageDispatcher dispatcher,
    RunningJobRegistry registry,
    IServiceProvider services,
    IServiceScopeFactory scopeFactory,
    IOptions<JobsOptions> jobsOptions,
    IOptions<MessagingOptions> messagingOptions,
    ILogger<StageMessageProcessor> logger)
{
    private readonly JobsOptions _jobs = jobsOptions.Value;

    public async Task<StageOutcome> ProcessAsync(JobStage stage, StageDelivery delivery, string owner, CancellationToken stoppingToken)
    {
        if (delivery.Message is not { } message)
        {
            await queue.DeadLetterAsync(stage, delivery, "unreadable stage message");
            return StageOutcome.DeadLettered;
        }

        if (delivery.DeliveryCount > messagingOptions.Value.MaxDeliveries)
        {
            return await DeadLetterAsync(stage, delivery, message, stoppingToken);
        }

        var jobId = delivery.DeliveryCount == 1 ? await LeaseFirstInLineAsync(stage, message, owner, stoppingToken) : null;
        if (jobId is null && await state.TryLeaseAsync(message.JobId, owner, _jobs.LeaseTtl, stage, stoppingToken))
        {
            jobId = message.JobId;
        }

        if (jobId is null)
        {
            logger.LogDebug("Job {JobId} was not leasable for {Stage}; delivery {EntryId} is a no-op", message.JobId, stage, delivery.EntryId);
            await queue.AcknowledgeAsync(stage, delivery.EntryId);
            return StageOutcome.Skipped;
        }

        using var activity = StartActivity(message, jobId.Value);
        var outcome = await RunLeasedAsync(stage, jobId.Value, owner, stoppingToken);
        activity?.SetTag("fluxcaption.outcome", outcome.ToString());
        await queue.AcknowledgeAsync(stage, delivery.EntryId);
        return outcome;
    }

    /// <summary>
    /// A stage stream is first in, first out, but jobs run by priority, then age (a job handed back after a crash or
    /// an outage keeps its place): when a queued job ranks before the delivery's own, this delivery runs that one,
    /// and the delivery's job gets a new entry at the end of the stream so it still has one. Null when the
    /// delivery's job is first in line, or the one ahead was leased by someone else meanwhile.
    /// </summary>
    private async Task<Guid?> LeaseFirstInLineAsync(JobStage stage, StageMessage message, string owner, CancellationToken cancellationToken)
    {
        if (await state.FirstInLineBeforeAsync(message.JobId, stage, cancellationToken) is not { } ahead
            || !await state.TryLeaseAsync(ahead, owner, _jobs.LeaseTtl, stage, cancellationToken))
        {
            return null;
        }

        logger.LogDebug("Job {JobId} runs before {Delivered}, whose delivery it takes; {Delivered} is dispatched again", ahead, message.JobId, message.JobId);
        await TryDispatchAsync(message.JobId, stage);
        return ahead;
    }

    private async Task<StageOutcome> RunLeasedAsync(JobStage stage, Guid jobId, string owner, CancellationToken stoppingToken)
    {
        using var running = registry.Register(jobId, stoppingToken);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = new LeaseHeartbeat(scopeFactory, _jobs, logger).RunAsync(running, owner, heartbeatStop.Token);
        try
        {
            var job = await db.Jobs.AsNoTracking().SingleAsync(candidate => candidate.Id == jobId, stoppingToken);
            logger.LogInformation("Job {JobId} started {Stage} (attempt {Attempt})", jobId, stage, job.Attempt);
            // The worker is named so an operator can see how jobs spread over replicas.
            await events.RecordAsync(jobId, JobEventTypes.Started, $"attempt {job.Attempt} on {owner}", stoppingToken);
            var result = await RunStageAsync(stage, job, owner, running.Token);
            return await RecordResultAsync(jobId, stage, owner, result);
        }
        catch (OperationCanceledException) when (running.Reason is { } reason)
        {
            return await StopAsync(jobId, owner, reason);
        }
        catch (LeaseLostException)
        {
            logger.LogWarning("Job {JobId} lost its lease; another worker or the reaper has it", jobId);
            return StageOutcome.LeaseLost;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: hand the job back now rather than waiting for the lease to expire. The run
            // was interrupted, not failed, so it does not use up an attempt.
            var status = await state.RequeueAsync(jobId, owner, null, null, refundAttempt: true, CancellationToken.None);
            return await HandedBackAsync(jobId, stage, status, "worker stopping");
        }
        catch (Exception exception)
        {
            return await FailOrRequeueAsync(stage, jobId, owner, exception);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }
    }

    private async Task<StageResult> RunStageAsync(JobStage stage, Job job, string owner, CancellationToken cancellationToken)
    {
        switch (stage)
        {
            case JobStage.Scan:
                return await services.GetRequiredService<AcquireStageHandler>().RunAsync(job, owner, cancellationToken);
            case JobStage.Asr:
                return await services.GetRequiredService<SourceStageHandler>().RunAsync(job, owner, cancellationToken);
            case JobStage.Translate:
                // The translate handler completes a file job, or hands a library job on to write-back.
                var committed = await services.GetRequiredService<TranslateStageHandler>().RunAsync(job, owner, cancellationToken);
                return !committed ? StageResult.Refused
                    : job.MediaItemId is null ? StageResult.Completed
                    : await AdvancedStatusAsync(job.Id, JobStage.Writeback, cancellationToken);
            case JobStage.Writeback:
                return await services.GetRequiredService<WritebackStageHandler>().RunAsync(job, owner, cancellationToken);
            default:
                throw new JobFailureException(JobErrorCodes.UnsupportedStage, $"Stage {stage} is not handled by this worker.");
        }
    }

    // What the translate handler's advance wrote: queued for write-back, or paused there.
    private async Task<StageResult> AdvancedStatusAsync(Guid jobId, JobStage next, CancellationToken cancellationToken)
    {
        var status = await db.Jobs.AsNoTracking().Where(job => job.Id == jobId).Select(job => job.Status).SingleAsync(cancellationToken);
        return StageResult.FromAdvance(status, next, null);
    }

    private async Task<StageOutcome> RecordResultAsync(Guid jobId, JobStage stage, string owner, StageResult result)
    {
        switch (result.Kind)
        {
            case StageResultKind.Completed:
                logger.LogInformation("Job {JobId} succeeded", jobId);
                await events.RecordAsync(jobId, JobEventTypes.Succeeded, null, CancellationToken.None);
                return StageOutcome.Succeeded;
            case StageResultKind.Advanced:
                logger.LogInformation("Job {JobId} finished {Stage} and moves to {NextStage}", jobId, stage, result.Next);
                await events.RecordAsync(jobId, JobEventTypes.StageChanged, RedisKeys.StageName(result.Next!.Value), CancellationToken.None);
                await TryDispatchAsync(jobId, result.Next.Value);
                return StageOutcome.Advanced;
            case StageResultKind.Waiting:
                // Not dispatched: no worker can run the stage yet. The reaper leaves waiting jobs alone too.
                logger.LogInformation("Job {JobId} waits in {NextStage}: {WaitReason}", jobId, result.Next, result.WaitReason);
                await events.RecordAsync(jobId, JobEventTypes.Waiting, result.WaitReason, CancellationToken.None);
                return StageOutcome.Waiting;
            case StageResultKind.NotNeeded:
                logger.LogInformation("Job {JobId} is not needed any more: {Reason}", jobId, result.Reason);
                await events.RecordAsync(jobId, JobEventTypes.Cancelled, result.Reason, CancellationToken.None);
                return StageOutcome.Cancelled;
            case StageResultKind.Paused:
                logger.LogInformation("Job {JobId} paused before {NextStage} on request", jobId, result.Next);
                await events.RecordAsync(jobId, JobEventTypes.Paused, null, CancellationToken.None);
                return StageOutcome.Paused;
            default:
                // Completion was refused: a cancel arrived meanwhile, or someone else holds the job now.
                return await StopAsync(jobId, owner, StopReason.Cancel);
        }
    }

    private async Task<StageOutcome> StopAsync(Guid jobId, string owner, StopReason reason)
    {
        if (reason == StopReason.LeaseLost)
        {
            return StageOutcome.LeaseLost;
        }

        var status = reason == StopReason.Cancel ? JobStatus.Cancelled : JobStatus.Paused;
        if (reason == StopReason.Cancel
            && !await db.Jobs.AsNoTracking().AnyAsync(job => job.Id == jobId && job.CancelRequested, CancellationToken.None))
        {
            return StageOutcome.LeaseLost;
        }

        if (!await state.StopAsync(jobId, owner, status, CancellationToken.None))
        {
            return StageOutcome.LeaseLost;
        }

        logger.LogInformation("Job {JobId} {Status} on request", jobId, status);
        await events.RecordAsync(jobId, status == JobStatus.Cancelled ? JobEventTypes.Cancelled : JobEventTypes.Paused, null, CancellationToken.None);
        return status == JobStatus.Cancelled ? StageOutcome.Cancelled : StageOutcome.Paused;
    }

    private async Task<StageOutcome> HandedBackAsync(Guid jobId, JobStage stage, JobStatus? status, string? message)
    {
        switch (status)
        {
            case JobStatus.Queued:
                await events.RecordAsync(jobId, JobEventTypes.Requeued, message, CancellationToken.None);
                await TryDispatchAsync(jobId, stage);
                return StageOutcome.Requeued;
            case JobStatus.Cancelled or JobStatus.Paused:
                // A stop was pending (its control message may have been lost): it wins over the requeue.
                logger.LogInformation("Job {JobId} {Status} on request", jobId, status);
                var cancelled = status == JobStatus.Cancelled;
                await events.RecordAsync(jobId, cancelled ? JobEventTypes.Cancelled : JobEventTypes.Paused, null, CancellationToken.None);
                return cancelled ? StageOutcome.Cancelled : StageOutcome.Paused;
            default:
                return StageOutcome.LeaseLost;
        }
    }

    private async Task<StageOutcome> FailOrRequeueAsync(JobStage stage, Guid jobId, string owner, Exception exception)
    {
        var failure = JobFailureClassifier.Classify(exception);
        // If this read or the write below fails too (the database is still down), the job stays leased and the
        // delivery unacknowledged: the reaper re-queues the job once its lease expires.
        var job = await db.Jobs.AsNoTracking().SingleAsync(candidate => candidate.Id == jobId, CancellationToken.None);
        if (failure.Code == JobErrorCodes.DependencyUnavailable)
        {
            // An outage is not the job's fault: it goes back to the queue without using up an attempt.
            logger.LogWarning(exception, "Job {JobId} stopped in {Stage} because a dependency is unavailable; handing it back", jobId, stage);
            var waiting = await state.RequeueAsync(jobId, owner, failure.Code, failure.Message, refundAttempt: true, CancellationToken.None);
            return await HandedBackAsync(jobId, stage, waiting, failure.Message);
        }

        if (failure.IsTransient && job.Attempt < job.MaxAttempts)
        {
            logger.LogWarning(exception, "Job {JobId} failed transiently in {Stage} (attempt {Attempt} of {MaxAttempts}); handing it back",
                jobId, stage, job.Attempt, job.MaxAttempts);
            var status = await state.RequeueAsync(jobId, owner, failure.Code, failure.Message, refundAttempt: false, CancellationToken.None);
            return await HandedBackAsync(jobId, stage, status, failure.Message);
        }

        if (!await state.FailAsync(jobId, owner, failure.Code, failure.Message, CancellationToken.None))
        {
            return StageOutcome.LeaseLost;
        }

        logger.LogError(exception, "Job {JobId} failed in {Stage} with {ErrorCode}", jobId, stage, failure.Code);
        await events.RecordAsync(jobId, JobEventTypes.Failed, failure.Message, CancellationToken.None);
        return StageOutcome.Failed;
    }

    private async Task<StageOutcome> DeadLetterAsync(JobStage stage, StageDelivery delivery, StageMessage message, CancellationToken cancellationToken)
    {
        // Deliveries that met a database or Redis outage never ran the job; the outage hand-back or the
        // reaper already put it back without using an attempt. Its worn-out entry is replaced by a fresh one.
        if (await state.IsHandedBackAfterOutageAsync(message.JobId, cancellationToken))
        {
            logger.LogWarning("Job {JobId}'s {Stage} entry was delivered {Deliveries} times during an outage; dispatching it afresh",
                message.JobId, stage, delivery.DeliveryCount);
            await TryDispatchAsync(message.JobId, stage);
            await queue.AcknowledgeAsync(stage, delivery.EntryId);
            return StageOutcome.Requeued;
        }

        var reason = $"Delivered {delivery.DeliveryCount} times without completing (limit {messagingOptions.Value.MaxDeliveries}).";
        await queue.DeadLetterAsync(stage, delivery, reason);
        if (await state.FailUnleasedAsync(message.JobId, JobErrorCodes.DeadLettered, reason, cancellationToken))
        {
            logger.LogError("Job {JobId} dead-lettered in {Stage} after {Deliveries} deliveries", message.JobId, stage, delivery.DeliveryCount);
            await events.RecordAsync(message.JobId, JobEventTypes.DeadLettered, reason, cancellationToken);
        }

        return StageOutcome.DeadLettered;
    }

    private async Task TryDispatchAsync(Guid jobId, JobStage stage)
    {
        try
        {
            await dispatcher.DispatchAsync(jobId, stage, 0, CancellationToken.None);
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Re-dispatch of job {JobId} failed; the reaper will dispatch it", jobId);
        }
    }

    private static Activity? StartActivity(StageMessage message, Guid jobId)
    {
        // The message's trace is its own job's; a job run in its place starts a trace of its own.
        var parent = default(ActivityContext);
        if (jobId == message.JobId)
        {
            ActivityContext.TryParse(message.TraceParent, null, out parent);
        }

        var activity = MessagingTelemetry.ActivitySource.StartActivity($"process {RedisKeys.StageName(message.Stage)}", ActivityKind.Consumer, parent);
        activity?.SetTag("fluxcaption.job_id", jobId);
        activity?.SetTag("messaging.message.id", message.MessageId);
        return activity;
    }
}
