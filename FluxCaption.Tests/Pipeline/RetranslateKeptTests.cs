using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Pipeline;

/// <summary>A retry that asks again for the lines kept in the source, through the Worker's real translator and memory.</summary>
public sealed class RetranslateKeptTests(PostgresServer postgres, RedisServer redis)
{
    // Two scenes a minute apart, one batch each (MinCuesPerBatch 1), sent one after the other.
    private static readonly Dictionary<string, string?> TwoBatchesInOrder = new()
    {
        ["Translation:MinCuesPerBatch"] = "1",
        ["Translation:MaxParallelBatches"] = "1",
    };

    private static SubtitleDocument TwoScenes() => new()
    {
        Format = SubtitleFormat.Srt,
        Cues = [.. new[] { "Tu es rentré tard hier soir.", "Ça va?", "Je suis fatigué ce matin.", "Le train part à midi.", "Nous serons en retard." }
            .Select((text, i) => new SubtitleCue
            {
                Identifier = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Start = TimeSpan.FromSeconds(i < 3 ? i * 3 : 60 + (i * 3)),
                End = TimeSpan.FromSeconds((i < 3 ? i * 3 : 60 + (i * 3)) + 2),
                Text = text,
            })],
    };

    [Fact]
    public async Task ARetryWithRetranslateKeptSendsTheKeptLineAgainAndTheJobEndsWithoutItsWarning()
    {
        var engine = new PrefixingTranslationEngine { FailAt = (3, new InvalidOperationException("model refused the request")) };
        engine.KeepUntranslated.Add("Ça va?");
        await using var worker = await PipelineHost.CreateAsync(
            await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer", TwoBatchesInOrder, engine, realTranslator: true);
        var job = await SampleJobs.WithScopeAsync(worker.Services, services => services.GetRequiredService<IJobService>().CreateTranslationJobAsync(
            new NewTranslationJob(TwoScenes(), "film.fr.srt", "fr", "es", "prefix", null, SubtitleFormat.Srt), CancellationToken.None));

        // Scene one: the batch, then "Ça va?" alone, kept in French; scene two: the engine fails the job.
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Failed);
        engine.Requests["1"].ShouldBe(2);
        JobCheckpoint.Read((await SampleJobs.GetAsync(worker.Services, job.Id)).Checkpoint).KeptSourceCues.ShouldBe([1]);

        engine.KeepUntranslated.Clear();
        var retry = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().RetryAsync(job.Id, retranslateKept: true, CancellationToken.None));
        retry.Result.ShouldBe(JobControlResult.Applied);
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);

        engine.Requests["1"].ShouldBe(3);
        engine.Requests["0"].ShouldBe(1);
        var succeeded = await SampleJobs.GetAsync(worker.Services, job.Id);
        (succeeded.Warnings ?? "").ShouldNotContain("kept_source");
        var (content, remembered) = await SampleJobs.WithScopeAsync(worker.Services, async services =>
        {
            var db = services.GetRequiredService<FluxCaptionDbContext>();
            var result = await db.SubtitleDocuments.AsNoTracking().SingleAsync(d => d.Id == succeeded.ResultDocumentId);
            var entry = await db.TranslationMemory.AsNoTracking().SingleAsync(e => e.SourceText == "Ça va?");
            return (result.Content, entry);
        });
        content.ShouldContain("[es] Ça va?");
        (remembered.TargetText, remembered.KeptReason).ShouldBe(("[es] Ça va?", null));
    }
}
