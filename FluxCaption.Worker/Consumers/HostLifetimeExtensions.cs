namespace FluxCaption.Worker.Consumers;

public static class HostLifetimeExtensions
{
    /// <summary>
    /// Completes with true once the host has fully started (every hosted service and the web server), or with
    /// false if <paramref name="cancellationToken"/> fires first: a host that fails to start (its port taken, an
    /// options check failing) never signals started, and disposing it cancels the token.
    /// </summary>
    public static async Task<bool> WaitForStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onCancelled = cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
