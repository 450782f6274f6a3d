using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TestContext = Xunit.TestContext;

namespace FluxCaption.Tests.Web;

/// <summary>The Web app's live subscription to every job, on the real Api's event stream.</summary>
public sealed class JobEventSubscriptionsTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ItemsWebPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ItemsWebPageHost.StartAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AChangeToAnyJobReachesTheAllJobsSubscriptionWithTheJobsNewState()
    {
        var first = await _host.Data.AddJobAsync(null, "fr", JobStatus.Queued);
        var second = await _host.Data.AddJobAsync(null, "de", JobStatus.Queued);
        var services = new ServiceCollection();
        services.AddHttpClient(JobEventSubscriptions.HttpClientName, client =>
            {
                client.BaseAddress = new Uri("http://localhost/");
                client.DefaultRequestHeaders.Add("X-Api-Key", ApiFactory.TestApiKey);
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => _host.Api.Server.CreateHandler());
        await using var provider = services.BuildServiceProvider();
        var subscriptions = new JobEventSubscriptions(
            provider.GetRequiredService<IHttpClientFactory>(), _host.Client, NullLogger<JobEventSubscriptions>.Instance);
        var seen = new List<JobChange>();
        var cancelledBoth = new TaskCompletionSource();

        using (subscriptions.SubscribeAll(change =>
        {
            lock (seen)
            {
                seen.Add(change);
                if (seen.Count(c => c.Type == JobEventTypes.Cancelled) == 2)
                {
                    cancelledBoth.TrySetResult();
                }
            }

            return Task.CompletedTask;
        }))
        {
            // The subscription starts from "now": nudge a third job until its events arrive, so the
            // stream is known to be listening before the two changes under test happen.
            var probe = await _host.Data.AddJobAsync(null, "es", JobStatus.Queued);
            var deadline = DateTime.UtcNow + ItemsWebPageHost.Patience;
            while (!Seen(seen, probe))
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, "the subscription never delivered an event");
                await _host.Client.ControlAsync(probe, "pause", Ct);
                await _host.Client.ControlAsync(probe, "resume", Ct);
                await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
            }

            await _host.Client.ControlAsync(first, "cancel", Ct);
            await _host.Client.ControlAsync(second, "cancel", Ct);
            await cancelledBoth.Task.WaitAsync(ItemsWebPageHost.Patience, Ct);
        }

        lock (seen)
        {
            var cancelled = seen.Where(change => change.Type == JobEventTypes.Cancelled).ToList();
            cancelled.Select(change => change.Job.Id).ShouldBe([first, second], ignoreOrder: true);
            cancelled.ShouldAllBe(change => change.Job.Status == "cancelled" && !change.IsProgress);
        }
    }

    private static bool Seen(List<JobChange> seen, Guid job)
    {
        lock (seen)
        {
            return seen.Any(change => change.Job.Id == job);
        }
    }
}
