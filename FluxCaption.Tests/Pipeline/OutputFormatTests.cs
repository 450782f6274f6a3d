using FluxCaption.Core.Jobs;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Subtitles;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Pipeline;

public sealed class OutputFormatTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task AJobAskedForWebVttOutputConvertsTheTranslatedSrt()
    {
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer");
        var request = SampleJobs.Request(3, "episode.srt") with { OutputFormat = SubtitleFormat.WebVtt };
        var job = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().CreateTranslationJobAsync(request, CancellationToken.None));
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);

        var result = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().GetResultAsync(job.Id, CancellationToken.None));
        result!.FileName.ShouldBe("episode.es.vtt");
        result.ContentType.ShouldBe("text/vtt");
        var translated = SubtitleParser.Parse(System.Text.Encoding.UTF8.GetString(result.Content!), SubtitleFormat.WebVtt);
        translated.Cues.Select(cue => cue.Text).ShouldBe(["[es] Line 1", "[es] Line 2", "[es] Line 3"]);
        translated.Cues[2].Start.ShouldBe(TimeSpan.FromSeconds(9));
    }

    [Fact]
    public async Task AnAssFileFromTheCorpusKeepsItsStylesAndTimingsThroughTheJob()
    {
        const string file = "ass/exo-ssa-style-primary-color.ass";
        var source = CorpusFiles.Load(file);
        await using var worker = await PipelineHost.CreateAsync(await postgres.CreateDatabaseAsync(), redis, RedisServer.NewKeyPrefix(), "consumer");
        var request = new NewTranslationJob(source, "exo-ssa-style-primary-color.ass", "en", "es", "prefix", null, SubtitleFormat.Ass);
        var job = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().CreateTranslationJobAsync(request, CancellationToken.None));
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);

        var result = await SampleJobs.WithScopeAsync(worker.Services,
            services => services.GetRequiredService<IJobService>().GetResultAsync(job.Id, CancellationToken.None));
        var text = System.Text.Encoding.UTF8.GetString(result!.Content!);
        var translated = SubtitleParser.Parse(text, SubtitleFormat.Ass);
        result.FileName.ShouldBe("exo-ssa-style-primary-color.es.ass");
        text.ShouldContain("Style: PrimaryColourStyleHexRed      ,&H000000FF");
        translated.Cues.Count.ShouldBe(source.Cues.Count);
        translated.Cues.Select(cue => cue.Start).ShouldBe(source.Cues.Select(cue => cue.Start));
        translated.Cues.Select(cue => cue.Ass!.Style).ShouldBe(source.Cues.Select(cue => cue.Ass!.Style));
        translated.Cues[0].Text.ShouldBe("[es] First line in RED (&H000000FF).");
    }
}
