using System.Net;
using System.Net.Sockets;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FluxCaption.Tests.Pipeline;

/// <summary>The real Worker executable: a worker consumes only once it has fully started.</summary>
public sealed class WorkerStartupTests(PostgresServer postgres, RedisServer redis)
{
    private const string DoomedConsumer = "worker-with-taken-port";

    [Fact]
    public async Task AWorkerWhosePortIsTakenExitsWithoutClaimingTheWaitingJobAndAHealthyWorkerRunsItAtOnce()
    {
        var database = await postgres.CreateDatabaseAsync();
        var prefix = RedisServer.NewKeyPrefix();
        await using var api = await PipelineHost.CreateAsync(database, redis, prefix, "none");
        var request = new NewTranslationJob(SampleJobs.Srt(3), "waiting.en.srt", "en", "es", "apertium", null, SubtitleFormat.Srt);
        var job = await SampleJobs.WithScopeAsync(api.Services,
            services => services.GetRequiredService<IJobService>().CreateTranslationJobAsync(request, CancellationToken.None));

        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__fluxcaption"] = database,
            ["ConnectionStrings__redis"] = redis.ConnectionString,
            ["Messaging__KeyPrefix"] = prefix,
            ["Messaging__PollInterval"] = "00:00:00.200",
            // A claim timeout far beyond the test: the job can only be done quickly if its entry was never taken.
            ["Messaging__ClaimIdleTime"] = "00:10:00",
            ["Worker__ClaimInterval"] = "00:00:00.200",
            ["Worker__ReaperInterval"] = "00:00:01",
            ["Worker__ConsumerName"] = DoomedConsumer,
            ["Worker__Roles"] = "consumer,scheduler",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        };

        await using (var doomed = WorkerProcess.Start(environment))
        {
            await Eventually.HoldsAsync(() => Task.FromResult(doomed.HasExited), "the worker whose port is taken exited", TimeSpan.FromSeconds(60));
            doomed.Output.ShouldContain("address already in use", Case.Insensitive);
        }

        var keys = api.Services.GetRequiredService<RedisKeys>();
        var db = api.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var stream = keys.StageStream(JobStage.Translate);
        var groups = await db.StreamGroupInfoAsync(stream);
        if (groups.Any(group => group.Name == "workers"))
        {
            var consumers = await db.StreamConsumerInfoAsync(stream, "workers");
            consumers.Where(consumer => consumer.Name == DoomedConsumer).ShouldBeEmpty("the worker that failed to start read nothing");
        }

        var untouched = await SampleJobs.GetAsync(api.Services, job.Id);
        untouched.Status.ShouldBe(JobStatus.Queued);
        untouched.Attempt.ShouldBe(0);

        environment.Remove("ASPNETCORE_URLS");
        environment["Worker__ConsumerName"] = "healthy-worker";
        environment["Worker__Roles"] = "consumer";
        await using (WorkerProcess.Start(environment))
        {
            await SampleJobs.WaitForStatusAsync(api.Services, job.Id, JobStatus.Succeeded, TimeSpan.FromSeconds(60));
        }

        (await SampleJobs.GetAsync(api.Services, job.Id)).Attempt.ShouldBe(1);
    }
}
