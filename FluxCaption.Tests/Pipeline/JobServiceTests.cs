using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Pipeline;

public sealed class JobServiceTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task ListingPagesJobsNewestFirstAndFiltersByStatus()
    {
        await using var host = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "none");
        var created = new List<Job>();
        for (var index = 0; index < 3; index++)
        {
            created.Add(await SampleJobs.CreateAsync(host.Services, cueCount: 1));
        }

        await using var scope = host.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IJobService>();
        (await jobs.PauseAsync(created[0].Id, CancellationToken.None)).Result.ShouldBe(JobControlResult.Applied);

        var firstPage = await jobs.ListAsync(null, 1, 2, CancellationToken.None);
        var secondPage = await jobs.ListAsync(null, 2, 2, CancellationToken.None);
        var paused = await jobs.ListAsync(JobStatus.Paused, 1, 10, CancellationToken.None);

        firstPage.Total.ShouldBe(3);
        firstPage.Items.Select(job => job.Id).ShouldBe([created[2].Id, created[1].Id]);
        secondPage.Items.Select(job => job.Id).ShouldBe([created[0].Id]);
        paused.Items.Select(job => job.Id).ShouldBe([created[0].Id]);
    }

    [Fact]
    public async Task AQueuedJobCancelledBeforeAnyWorkerSawItIsNeverRun()
    {
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", start: false);
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 2);
        var cancel = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().CancelAsync(job.Id, CancellationToken.None));
        cancel.Job!.Status.ShouldBe(JobStatus.Cancelled);

        await worker.Host.StartAsync(TestContext.Current.CancellationToken);
        await Task.Delay(1000, TestContext.Current.CancellationToken);

        worker.Engine.BatchCount.ShouldBe(0);
        (await SampleJobs.GetAsync(worker.Services, job.Id)).Status.ShouldBe(JobStatus.Cancelled);
        var result = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().GetResultAsync(job.Id, CancellationToken.None));
        result!.Content.ShouldBeNull();
    }
}
