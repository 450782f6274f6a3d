using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;

namespace FluxCaption.Worker.Consumers;

/// <summary>Routes cancel/pause signals from the control channel to the stages running in this process.</summary>
public sealed class ControlListener(JobControlChannel channel, RunningJobRegistry registry, ILogger<ControlListener> logger) : IHostedService
{
    private IAsyncDisposable? _subscription;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _subscription = await channel.SubscribeAsync(message =>
        {
            if (registry.IsRunning(message.JobId))
            {
                logger.LogInformation("Control {Action} for running job {JobId}", message.Action, message.JobId);
                registry.Signal(message);
            }
        });

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_subscription is not null)
        {
            await _subscription.DisposeAsync();
        }
    }
}
