using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Translation;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Tests.Pipeline;

/// <summary>A stopping worker lets go of its work as soon as stopping begins, not when the host reaches its consumers.</summary>
public sealed class WorkerStoppingTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task AStoppingWorkerHandsItsRunningJobBackAtOnceAndStartsNoOtherWhileItsOtherServicesStop()
    {
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        await using var api = await PipelineHost.CreateAsync(database, redis, prefix, "none");

        var builder = WorkerTestBuilder.Create(database, redis, prefix, "consumer", new Dictionary<string, string?> { ["Worker:Stages:0"] = "translate" });
        var engine = new PrefixingTranslationEngine { Gate = new SemaphoreSlim(0) };
        builder.Services.AddSingleton<ITranslationEngine>(engine);
        builder.Services.AddScoped<ISubtitleTranslator, BatchingTestTranslator>();
        // Registered last, so the host stops it first and the consumers only after it: as Quartz waiting for a job.
        var slow = new SlowToStop(TimeSpan.FromSeconds(6));
        builder.Services.AddHostedService(_ => slow);
        using var worker = builder.Build();
        await worker.StartAsync(TestContext.Current.CancellationToken);

        var running = await SampleJobs.CreateAsync(api.Services, cueCount: 4, "running.en.srt");
        await Eventually.HoldsAsync(() => Task.FromResult(engine.BatchCount == 1), "the first job's first batch is in flight");

        var stopped = worker.StopAsync(CancellationToken.None);
        await slow.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await SampleJobs.WaitForStatusAsync(api.Services, running.Id, JobStatus.Queued, TimeSpan.FromSeconds(4));
        var arrivedWhileStopping = await SampleJobs.CreateAsync(api.Services, cueCount: 2, "late.en.srt");
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        slow.IsStillStopping.ShouldBeTrue("the assertions below are about the time the other services are still stopping");

        var late = await SampleJobs.GetAsync(api.Services, arrivedWhileStopping.Id);
        late.Status.ShouldBe(JobStatus.Queued);
        late.Attempt.ShouldBe(0);
        var started = await SampleJobs.WithScopeAsync(api.Services, services => services.GetRequiredService<FluxCaptionDbContext>().JobEvents
            .CountAsync(entry => entry.JobId == arrivedWhileStopping.Id && entry.Type == JobEventTypes.Started));
        started.ShouldBe(0, "a worker that began stopping starts nothing new");
        await stopped;
    }

    /// <summary>A hosted service whose stop takes a while.</summary>
    private sealed class SlowToStop(TimeSpan delay) : IHostedService
    {
        private int _stopping;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsStillStopping => Volatile.Read(ref _stopping) == 1;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            Volatile.Write(ref _stopping, 1);
            Entered.TrySetResult();
            await Task.Delay(delay, CancellationToken.None);
            Volatile.Write(ref _stopping, 0);
        }
    }
}
