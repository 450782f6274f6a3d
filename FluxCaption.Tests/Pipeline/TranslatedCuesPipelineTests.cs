using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Pipeline;

/// <summary>The translate stage records how many cues it translated (jobs.translated_cues), which the dashboard sums per day.</summary>
public sealed class TranslatedCuesPipelineTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task ASucceededJobRecordsTheCuesItTranslated()
    {
        var engine = new PrefixingTranslationEngine();
        await using var worker = await PipelineHost.CreateAsync(
            await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", new Dictionary<string, string?>(), engine, realTranslator: true);
        var job = await SampleJobs.WithScopeAsync(worker.Services, services => services.GetRequiredService<IJobService>()
            .CreateTranslationJobAsync(SampleJobs.Request(6) with { Engine = "prefix" }, CancellationToken.None));

        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);

        (await SampleJobs.GetAsync(worker.Services, job.Id)).TranslatedCues.ShouldBe(6);
    }
}
