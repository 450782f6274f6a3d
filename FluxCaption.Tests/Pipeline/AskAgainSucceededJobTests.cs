using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Libraries.Sync;
using FluxCaption.Tests.TestServers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Pipeline;

/// <summary>
/// retry?retranslateKept=true on a succeeded library job: only the kept line is sent again, and the new
/// result replaces the subtitle written before (the Worker's real stages, a scripted Ollama server).
/// </summary>
public sealed class AskAgainSucceededJobTests(PostgresServer postgres, RedisServer redis)
{
    private const string Stubborn = "Where are the car keys?";

    private const string EnglishSrt = $"1\n00:00:00,500 --> 00:00:01,500\nThe house is red.\n\n2\n00:00:01,600 --> 00:00:02,800\n{Stubborn}\n";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ASucceededJobAskedAgainSendsOnlyItsKeptLineAndReplacesItsWrittenSubtitle()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        ollama.KeepUntranslated(Stubborn, times: 2);
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis, "consumer", overrides: new Dictionary<string, string?>
        {
            ["ConnectionStrings:llm"] = ollama.ConnectionString,
            ["Ollama:RetryBaseDelay"] = "00:00:00.050",
        });
        var english = SampleItems.TextSubtitle("en", external: true, path: "/media/movies/film.en.srt");
        host.Source.Put(SampleItems.Movie("film", "movies", english));
        host.Source.PutSubtitle("film", english, EnglishSrt, SubtitleFormat.Srt);
        var library = await host.AddLibraryAsync("movies");
        await host.SyncAsync(library.Id, full: true);
        var plan = await host.WithScopeAsync(services => services.GetRequiredService<IGapJobPlanner>()
            .PlanAsync(new GapPlanRequest(["es"]) { Engine = "ollama", SourceLanguages = ["en"] }, CancellationToken.None));
        var jobId = plan.CreatedJobIds.ShouldHaveSingleItem();
        await Eventually.HoldsAsync(async () => (await JobAsync(host, jobId)).Status == JobStatus.Succeeded, "the first run succeeded", Patience);
        var first = await JobAsync(host, jobId);
        first.Warnings.ShouldNotBeNull().ShouldContain("kept_source");
        host.Source.Writes.ShouldHaveSingleItem().Content.ShouldContain(Stubborn);
        var chatsBefore = ollama.ChatRequests.Count;

        var retry = await host.WithScopeAsync(services => services.GetRequiredService<IJobService>().RetryAsync(jobId, retranslateKept: true, CancellationToken.None));

        retry.Result.ShouldBe(JobControlResult.Applied);
        await Eventually.HoldsAsync(
            async () => (await JobAsync(host, jobId)) is { Status: JobStatus.Succeeded } job && job.ResultDocumentId != first.ResultDocumentId,
            "the second run succeeded with a new result", Patience);
        ollama.ChatRequests.Skip(chatsBefore).Select(r => r.SegmentTexts).ShouldBe([[Stubborn]]);
        var again = await JobAsync(host, jobId);
        (again.Warnings ?? "").ShouldNotContain("kept_source");
        var writes = host.Source.Writes.ToList();
        writes.Count.ShouldBe(2);
        writes[1].Content.ShouldContain($"[es] {Stubborn}");
        writes[1].Content.ShouldContain("[es] The house is red.");
        var written = await host.WithDbAsync(db => db.WrittenSubtitles.AsNoTracking().SingleAsync());
        writes[1].Previous.ShouldNotBeNull().Id.ShouldBe(written.Id);
        written.JobId.ShouldBe(jobId);
        var item = await host.WithDbAsync(db => db.MediaItems.AsNoTracking().SingleAsync());
        item.Streams.Count(track => track.Kind == MediaTrackKind.Subtitle && track.Language == "es").ShouldBe(1);
    }

    [Fact]
    public async Task ASucceededJobWithoutKeptLinesCannotBeAskedAgain()
    {
        var engine = new PrefixingTranslationEngine();
        await using var worker = await PipelineHost.CreateAsync(
            await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", null, engine, realTranslator: true);
        var job = await SampleJobs.CreateAsync(worker.Services, 2);
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);

        var retry = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().RetryAsync(job.Id, retranslateKept: true, CancellationToken.None));

        retry.Result.ShouldBe(JobControlResult.Conflict);
        retry.Reason.ShouldBe("The job kept no line in its source language; there is nothing to ask again.");
        (await SampleJobs.GetAsync(worker.Services, job.Id)).Status.ShouldBe(JobStatus.Succeeded);
    }

    private static Task<Job> JobAsync(LibraryTestHost host, Guid id) => host.WithDbAsync(db => db.Jobs.AsNoTracking().SingleAsync(job => job.Id == id));
}
