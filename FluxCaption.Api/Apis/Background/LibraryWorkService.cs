namespace FluxCaption.Api.Apis.Background;

/// <summary>Runs what <see cref="LibraryWorkQueue"/> holds; a failure is logged and the next item runs.</summary>
internal sealed partial class LibraryWorkService(
    LibraryWorkQueue queue,
    IServiceScopeFactory scopes,
    ILogger<LibraryWorkService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in queue.ReadAllAsync(stoppingToken))
            {
                queue.MarkStarted(item);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await item.Work(scope.ServiceProvider, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    LogFailed(logger, exception, item.Description);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is dropped (fire and forget, see LibraryWorkQueue).
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background library work failed: {Work}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string work);
}
