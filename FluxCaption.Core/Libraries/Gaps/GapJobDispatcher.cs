using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Libraries.Gaps;

/// <summary>
/// Dispatches freshly committed acquire jobs many at a time (StackExchange.Redis pipelines concurrent
/// commands on one connection), so thousands of new jobs cost a few round trips, not thousands.
/// </summary>
internal sealed class GapJobDispatcher(StageDispatcher dispatcher, ILogger<GapJobDispatcher> logger)
{
    private const int Concurrency = 256;

    public async Task DispatchAsync(IReadOnlyList<Guid> jobIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in jobIds.Chunk(Concurrency))
        {
            try
            {
                await Task.WhenAll(chunk.Select(id => dispatcher.DispatchAsync(id, JobStage.Scan, 0, cancellationToken)));
            }
            catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
            {
                // The rows are committed: the reaper dispatches queued jobs that have no stream entry.
                logger.LogWarning(exception, "Dispatching {Count} planned jobs failed; the reaper will dispatch them", chunk.Length);
            }
        }
    }
}
