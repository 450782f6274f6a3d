using FluxCaption.Api.Apis;
using Microsoft.Extensions.DependencyInjection;
using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Pipeline;

/// <summary>The budget a job keeps in jobs.budget and shows in the Api, through the Worker's real translator.</summary>
public sealed class JobBudgetPipelineTests(PostgresServer postgres, RedisServer redis)
{
    // One batch per line, sent one after the other, so the estimate is a number a test can state.
    private static readonly Dictionary<string, string?> OneLinePerBatch = new()
    {
        ["Translation:MinCuesPerBatch"] = "1",
        ["Translation:MaxCuesPerBatch"] = "1",
        ["Translation:MaxParallelBatches"] = "1",
    };

    [Fact]
    public async Task ASucceededJobShowsItsEstimateAndWhatItSpentInTheApiResponse()
    {
        var engine = new PrefixingTranslationEngine();
        await using var worker = await PipelineHost.CreateAsync(
            await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", OneLinePerBatch, engine, realTranslator: true);
        var job = await SampleJobs.WithScopeAsync(worker.Services, services => services.GetRequiredService<IJobService>()
            .CreateTranslationJobAsync(SampleJobs.Request(4) with { Engine = "prefix" }, CancellationToken.None));

        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);

        var response = (await SampleJobs.GetAsync(worker.Services, job.Id)).ToJobResponse();
        var estimate = response.Estimate.ShouldNotBeNull();
        var spent = response.Spent.ShouldNotBeNull();
        (estimate.Requests, spent.Requests, engine.BatchCount).ShouldBe((4, 4, 4));
        // The prefixing engine is not paid in tokens and has no price.
        (estimate.Tokens, spent.Tokens, estimate.Cost, spent.Cost).ShouldBe((0L, 0L, (decimal?)null, (decimal?)null));
        spent.Seconds.ShouldBeGreaterThanOrEqualTo(0);
    }
}
