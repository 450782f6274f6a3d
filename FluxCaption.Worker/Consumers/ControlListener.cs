using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;

namespace FluxCaption.Worker.Consumers;

/// <summary>
/// Routes cancel/pause signals from the control channel to the stages running in this process.
/// The heartbeat also reads the cancel/pause flags from the database, so a missed signal only delays a stop.
/// </summary>
public sealed class ControlListener(JobControlChannel channel, RunningJobRegistry registry, ILogger<ControlListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IAsyncDisposable? subscription = null;
        while (subscription is null)
        {
            try
            {
                subscription = await channel.SubscribeAsync(Route);
            }
            catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
            {
                logger.LogWarning(exception, "Could not subscribe to the control channel; retrying");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await subscription.DisposeAsync();
        }
    }

    private void Route(JobControlMessage message)
    {
        if (registry.IsRunning(message.JobId))
        {
            logger.LogInformation("Control {Action} for running job {JobId}", message.Action, message.JobId);
            registry.Signal(message);
        }
    }
}
