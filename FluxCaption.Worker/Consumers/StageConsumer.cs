using System.Diagnostics;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Worker.Consumers;

/// <summary>
/// Consumes one stage queue: waits for a wake-up or the poll interval, claims entries left idle by
/// dead consumers, reads new ones, and runs each in its own DI scope up to the stage's concurrency.
/// It touches the queue only while the host is up: nothing before the host has fully started (a worker that
/// fails to start claims nothing), no new read once the host begins to stop, and its running stages hand their
/// jobs back before the host goes on to dispose the Redis and database connections.
/// </summary>
public sealed class StageConsumer(
    JobStage stage,
    StageQueue queue,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    WorkerTelemetry telemetry,
    IOptions<WorkerOptions> workerOptions,
    IOptions<MessagingOptions> messagingOptions,
    TimeProvider clock,
    ILogger<StageConsumer> logger) : BackgroundService
{
    private readonly string _stageName = RedisKeys.StageName(stage);

    protected override async Task ExecuteAsync(CancellationToken serviceStopping)
    {
        // Hosted services start before the web server binds its port; a worker whose start then fails must not
        // have read an entry it can never finish (the entry would wait a whole claim timeout for someone else).
        if (!await lifetime.WaitForStartedAsync(serviceStopping))
        {
            return;
        }

        // Hosted services stop one after another, so this service's own token may fire long after stopping began:
        // stop reading at once instead, and hand the running jobs back while the connections are still there.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(serviceStopping, lifetime.ApplicationStopping);
        var stoppingToken = stopping.Token;
        var options = workerOptions.Value;
        var consumer = options.ResolveConsumerName();
        var concurrency = options.ConcurrencyFor(_stageName);
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        using var wake = new SemaphoreSlim(0, 1);
        var running = new List<Task>();
        var lastClaim = DateTimeOffset.MinValue;

        await using var subscription = await ConnectAsync(wake, stoppingToken);
        logger.LogInformation("Consuming {Stage} as {Consumer} with concurrency {Concurrency}", stage, consumer, concurrency);

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                StageDelivery? delivery = null;
                try
                {
                    if (clock.GetUtcNow() - lastClaim >= options.ClaimInterval)
                    {
                        lastClaim = clock.GetUtcNow();
                        delivery = (await queue.ClaimIdleAsync(stage, consumer, 1)).FirstOrDefault();
                    }

                    delivery ??= (await queue.ReadNewAsync(stage, consumer, 1)).FirstOrDefault();
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Connection errors and timeouts (RedisTimeoutException is a TimeoutException) alike.
                    logger.LogWarning(exception, "Reading {Stage} failed; retrying after the poll interval", stage);
                }

                if (delivery is null)
                {
                    slots.Release();
                    await WaitAsync(wake, messagingOptions.Value.PollInterval, stoppingToken);
                    continue;
                }

                running.RemoveAll(task => task.IsCompleted);
                running.Add(RunAsync(delivery, consumer, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the running stages requeue their jobs through their own tokens.
        }

        await Task.WhenAll(running);
    }

    private async Task RunAsync(StageDelivery delivery, string consumer, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var processor = scope.ServiceProvider.GetRequiredService<StageMessageProcessor>();
            outcome = (await processor.ProcessAsync(stage, delivery, consumer, stoppingToken)).ToString().ToLowerInvariant();
        }
        catch (Exception exception)
        {
            // Not acknowledged: the entry is claimed again later and dead-lettered after too many deliveries.
            logger.LogError(exception, "Delivery {EntryId} of {Stage} failed before its outcome was committed", delivery.EntryId, stage);
        }
        finally
        {
            telemetry.StageOutcomes.Add(1, new("stage", _stageName), new("outcome", outcome));
            telemetry.StageDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("stage", _stageName));
            slots.Release();
        }
    }

    /// <summary>Creates the group and the wake-up subscription, retrying while Redis is unreachable (e.g. still starting).</summary>
    private async Task<IAsyncDisposable> ConnectAsync(SemaphoreSlim wake, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await queue.EnsureGroupAsync(stage);
                return await queue.SubscribeWakeAsync(stage, () => ReleaseOnce(wake));
            }
            catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
            {
                logger.LogWarning(exception, "Redis is not reachable for {Stage}; retrying", stage);
                await Task.Delay(messagingOptions.Value.PollInterval, stoppingToken);
            }
        }
    }

    private static async Task WaitAsync(SemaphoreSlim wake, TimeSpan timeout, CancellationToken stoppingToken) =>
        await wake.WaitAsync(timeout, stoppingToken);

    private static void ReleaseOnce(SemaphoreSlim wake)
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending.
        }
    }
}
