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
    public IDisposable Subscribe(Guid jobId, Func<JobView, Task> onUpdate)
    {
        var stop = new CancellationTokenSource();
        _ = FollowAsync(jobId, onUpdate, stop.Token);
        return new Subscription(stop);
    }

    private async Task FollowAsync(Guid jobId, Func<JobView, Task> onUpdate, CancellationToken cancellationToken)
    {
        string? lastEventId = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"api/jobs/{jobId}/events");
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

                    var job = await api.GetJobAsync(jobId, cancellationToken);
                    await onUpdate(job);
                    if (job.IsTerminal)
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
                logger.LogWarning(ex, "Lost the event stream of job {JobId}; reconnecting", jobId);
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
