using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Pipeline;

public sealed class EventStreamTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task ProgressEventsAreThrottledPerJobButStateChangesAlwaysGoOut()
    {
        var settings = new Dictionary<string, string?> { ["Messaging:ProgressEventInterval"] = "00:01:00" };
        await using var host = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "none", settings);
        var stream = host.Services.GetRequiredService<JobEventStream>();
        var feed = host.Services.GetRequiredService<IJobEventFeed>();
        var job = Guid.NewGuid();
        var other = Guid.NewGuid();

        (await stream.PublishAsync(job, JobEventTypes.Progress, "{\"progress\":0.1}", isProgress: true)).ShouldNotBeNull();
        (await stream.PublishAsync(job, JobEventTypes.Progress, "{\"progress\":0.2}", isProgress: true)).ShouldBeNull();
        (await stream.PublishAsync(other, JobEventTypes.Progress, "{\"progress\":0.5}", isProgress: true)).ShouldNotBeNull();
        (await stream.PublishAsync(job, JobEventTypes.Paused, "{}")).ShouldNotBeNull();
        (await stream.PublishAsync(job, JobEventTypes.Progress, "{\"progress\":0.3}", isProgress: true)).ShouldNotBeNull();

        var events = await feed.ReadAsync("0", job, 100, TimeSpan.Zero, TestContext.Current.CancellationToken);
        events.Select(e => e.Data).ShouldBe(["{\"progress\":0.1}", "{}", "{\"progress\":0.3}"]);
    }

    [Fact]
    public async Task AWaitingReaderGetsAnEventPublishedWhileItWaits()
    {
        await using var host = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "none");
        var stream = host.Services.GetRequiredService<JobEventStream>();
        var feed = host.Services.GetRequiredService<IJobEventFeed>();
        var job = Guid.NewGuid();

        var reading = feed.ReadAsync(null, job, 10, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        await stream.PublishAsync(job, JobEventTypes.Started, "{\"status\":\"running\"}");
        var events = await reading.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        events.Single().Type.ShouldBe(JobEventTypes.Started);
        events.Single().JobId.ShouldBe(job);
    }
}
