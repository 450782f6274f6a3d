using FluxCaption.Core.Libraries.Requests;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Apis.Background;

/// <summary>
/// Runs the library requests in library_requests, one at a time, each in its own DI scope: whatever
/// this process or another Api replica accepted, and whatever a process that died left behind once
/// its lease has expired. It wakes at once when this process enqueues and polls otherwise. The lease
/// is renewed while a request runs; on shutdown the request in hand is handed back, not lost.
/// </summary>
internal sealed partial class LibraryRequestService(
    IServiceScopeFactory scopes,
    LibraryRequestSignal signal,
    IOptions<LibraryRequestOptions> options,
    TimeProvider clock,
    ILogger<LibraryRequestService> logger) : BackgroundService
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPurge = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= nextPurge)
                {
                    LogPurged(logger, await WithStoreAsync(store => store.PurgeFailedAsync(stoppingToken)));
                    nextPurge = clock.GetUtcNow() + PurgeInterval;
                }

                var request = await WithStoreAsync(store => store.ClaimAsync(_owner, stoppingToken));
                if (request is not null)
                {
                    await RunAsync(request, stoppingToken);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database is unreachable or not migrated yet: try again after a poll interval.
                LogLoopFailed(logger, exception);
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task RunAsync(LibraryRequest request, CancellationToken stoppingToken)
    {
        LogStarted(logger, request.Id, request.Kind, request.Target, request.Attempts);
        using var leaseLost = new CancellationTokenSource();
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, leaseLost.Token);
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(work.Token);
        var heartbeat = HeartbeatAsync(request.Id, leaseLost, heartbeatStop.Token);
        Exception? failure = null;
        var cancelled = false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LibraryRequestRunner>().RunAsync(request, work.Token);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            cancelled = true;
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }

        // Outcomes are written even while stopping: handing the request back is the point of a graceful stop.
        if (leaseLost.IsCancellationRequested)
        {
            LogLeaseLost(logger, request.Id);
        }
        else if (stoppingToken.IsCancellationRequested && (cancelled || failure is not null))
        {
            // A failure during the stop is most likely the stop itself (a cancelled query wrapped in
            // another exception): the attempt is not counted against the request.
            var released = await WithStoreAsync(store => store.ReleaseAsync(request.Id, _owner, CancellationToken.None));
            LogReleased(logger, request.Id, released);
        }
        else if (failure is null)
        {
            if (await WithStoreAsync(store => store.CompleteAsync(request.Id, _owner, CancellationToken.None)))
            {
                LogCompleted(logger, request.Id, request.Kind, request.Target);
            }
            else
            {
                // It ran, but the lease had expired and another process may be running it again; syncs and plans are idempotent.
                LogLeaseLost(logger, request.Id);
            }
        }
        else
        {
            var outcome = await WithStoreAsync(store => store.FailAsync(request.Id, _owner, failure.Message, CancellationToken.None));
            LogFailed(logger, failure, request.Id, request.Kind, request.Target, request.Attempts, outcome);
        }
    }

    // Renews every third of the TTL, so one missed renewal (a slow database) does not lose the lease.
    private async Task HeartbeatAsync(Guid requestId, CancellationTokenSource leaseLost, CancellationToken cancellationToken)
    {
        var interval = options.Value.LeaseTtl / 3;
        try
        {
            while (true)
            {
                await Task.Delay(interval, clock, cancellationToken);
                bool held;
                try
                {
                    held = await WithStoreAsync(store => store.RenewAsync(requestId, _owner, cancellationToken));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogRenewFailed(logger, exception, requestId);
                    continue;
                }

                if (!held)
                {
                    await leaseLost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The request finished (or the process is stopping).
        }
    }

    // Each store call gets its own scope: the heartbeat runs beside the work, which holds a DbContext of its own.
    private async Task<T> WithStoreAsync<T>(Func<LibraryRequestStore, Task<T>> call)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<LibraryRequestStore>());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Library request {RequestId} ({Kind} {Target}) started, attempt {Attempt}")]
    private static partial void LogStarted(ILogger logger, Guid requestId, LibraryRequestKind kind, string target, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Library request {RequestId} ({Kind} {Target}) done")]
    private static partial void LogCompleted(ILogger logger, Guid requestId, LibraryRequestKind kind, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Library request {RequestId} ({Kind} {Target}) failed on attempt {Attempt}: {Outcome}")]
    private static partial void LogFailed(
        ILogger logger, Exception exception, Guid requestId, LibraryRequestKind kind, string target, int attempt, LibraryRequestFailOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Library request {RequestId} handed back on shutdown (released: {Released})")]
    private static partial void LogReleased(ILogger logger, Guid requestId, bool released);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Library request {RequestId}: the lease passed to another process; this run stopped")]
    private static partial void LogLeaseLost(ILogger logger, Guid requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Library request {RequestId}: renewing the lease failed; trying again")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, Guid requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Library requests could not be read; retrying after the poll interval")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} failed library requests past their retention")]
    private static partial void LogPurged(ILogger logger, int count);
}
