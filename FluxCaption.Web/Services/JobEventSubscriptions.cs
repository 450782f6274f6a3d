using System.Net.ServerSentEvents;

namespace FluxCaption.Web.Services;

/// <summary>
/// Follows jobs live through the Api's Server-Sent Events. An event only says that a job changed;
/// the job itself is then read from the Api, so what the page shows is always the stored truth.
/// A dropped connection is resumed with Last-Event-ID, so nothing in between is missed.
/// </summary>
public sealed class JobEventSubscriptions(
    IHttpClientFactory httpClients,
    FluxCaptionApiClient api,
    ILogger<JobEventSubscriptions> logger)
{
    public const string HttpClientName = "fluxcaption-api-events";
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    /// <summary>Calls <paramref name="onUpdate"/> with the job each time it changes, until the job ends or the subscription is disposed.</summary>
    public IDisposable Subscribe(Guid jobId, Func<JobView, Task> onUpdate) =>
        Follow($"api/jobs/{jobId}/events", $"job {jobId}", async (_, cancellationToken) =>
        {
            var job = await api.GetJobAsync(jobId, cancellationToken);
            await onUpdate(job);
            return !job.IsTerminal;
        });

    /// <summary>
    /// Calls <paramref name="onChange"/> with every event of every job (progress included), carrying the
    /// job's state as of that event, until the subscription is disposed. Lists use it to move their
    /// rows without reading the whole list again; a change the list cannot place (a new job) is the
    /// page's cue to reload.
    /// </summary>
    public IDisposable SubscribeAll(Func<JobChange, Task> onChange) =>
        Follow("api/events", "all jobs", async (item, _) =>
        {
            if (JobChange.From(item) is { } change)
            {
                await onChange(change);
            }

            return true;
        });

    private IDisposable Follow(string path, string what, Func<SseItem<string>, CancellationToken, Task<bool>> onEvent)
    {
        var stop = new CancellationTokenSource();
        _ = FollowAsync(path, what, onEvent, stop.Token);
        return new Subscription(stop);
    }

    private async Task FollowAsync(string path, string what, Func<SseItem<string>, CancellationToken, Task<bool>> onEvent, CancellationToken cancellationToken)
    {
        string? lastEventId = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (lastEventId is not null)
                {
                    request.Headers.Add("Last-Event-ID", lastEventId);
                }

                using var response = await httpClients.CreateClient(HttpClientName)
                    .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                await FluxCaptionApiClient.EnsureSuccessAsync(response, cancellationToken);
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
                {
                    if (!string.IsNullOrEmpty(item.EventId))
                    {
                        lastEventId = item.EventId;
                    }

                    if (item.EventType == "heartbeat")
                    {
                        continue;
                    }

                    if (!await onEvent(item, cancellationToken))
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiProblemException ex) when (ex.StatusCode == StatusCodes.Status404NotFound)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or ApiProblemException)
            {
                logger.LogWarning(ex, "Lost the event stream of {What}; reconnecting", what);
            }

            try
            {
                await Task.Delay(ReconnectDelay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private sealed class Subscription(CancellationTokenSource stop) : IDisposable
    {
        public void Dispose()
        {
            stop.Cancel();
            stop.Dispose();
        }
    }
}
