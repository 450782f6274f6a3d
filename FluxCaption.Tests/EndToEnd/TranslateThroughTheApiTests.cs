using System.Text.RegularExpressions;
using FluxCaption.Contracts.Jobs;
using Microsoft.EntityFrameworkCore;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Subtitles;
using FluxCaption.Tests.TestServers;

namespace FluxCaption.Tests.EndToEnd;

/// <summary>A subtitle file uploaded to the Api, translated by the Worker process, downloaded again.</summary>
public sealed partial class TranslateThroughTheApiTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARealFilmSubtitleIsTranslatedToSpanishByApertiumWithEveryCueAndTimingKept()
    {
        await using var system = await RunningSystem.StartAsync(postgres, redis);
        var bytes = CorpusFiles.Bytes("srt/ada-zangemann-en.srt");
        var source = CorpusFiles.Load("srt/ada-zangemann-en.srt");

        var id = await system.UploadAsync(
            TranslateUploads.Form(bytes, "ada-zangemann.en.srt", targetLanguage: "es", engine: "apertium"), Ct);
        var job = await system.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(4), Ct);

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        job.GetProperty("progress").GetDouble().ShouldBe(1);
        var (result, response) = await system.DownloadAsync(id, Ct);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("ada-zangemann.es.srt");
        result.Cues.Count.ShouldBe(source.Cues.Count);
        var moved = result.Cues.Zip(source.Cues)
            .Select((pair, index) => (pair, index))
            .Where(x => x.pair.First.Start != x.pair.Second.Start || x.pair.First.End != x.pair.Second.End)
            .Select(x => $"cue {x.index + 1}: {x.pair.Second.Start}-{x.pair.Second.End} became {x.pair.First.Start}-{x.pair.First.End}")
            .Take(5)
            .ToList();
        moved.ShouldBeEmpty();

        var spanish = string.Join(' ', result.Cues.Select(c => c.Text)).ToLowerInvariant();
        foreach (var word in new[] { " el ", " la ", " que ", " de ", " y " })
        {
            spanish.ShouldContain(word);
        }

        var changed = result.Cues.Zip(source.Cues).Count(pair => pair.First.Text != pair.Second.Text);
        changed.ShouldBeGreaterThan(source.Cues.Count * 9 / 10, "nearly every line is translated");
    }

    [Fact]
    public async Task AnOllamaTranslationKeepsInlineTagsAndTimingsAndCanBeConvertedToWebVtt()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        await using var system = await RunningSystem.StartAsync(postgres, redis, ollama.ConnectionString);

        var id = await system.UploadAsync(
            TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), "movie.en.srt", targetLanguage: "fr", engine: "ollama", outputFormat: "vtt"), Ct);
        var job = await system.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(2), Ct);

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        job.GetProperty("engine").GetString().ShouldBe("ollama");
        var (result, response) = await system.DownloadAsync(id, Ct);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("movie.fr.vtt");
        result.Format.ShouldBe(SubtitleFormat.WebVtt);
        result.Cues.Select(c => (c.Start, c.End)).ShouldBe([
            (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3.5)),
            (TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6.25)),
            (TimeSpan.FromSeconds(7.1), TimeSpan.FromSeconds(9.9)),
        ]);
        result.Cues[1].Text.ShouldContain("<i>Where is the dog?</i>");
        result.Cues.ShouldAllBe(c => Marker().IsMatch(c.Text));
        ollama.ChatRequests.Count.ShouldBe(1, "three cues of one scene are one request");
    }

    [Fact]
    public async Task AnLlmTranslatesAFileWhoseLanguageNobodyNamed()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        await using var system = await RunningSystem.StartAsync(postgres, redis, ollama.ConnectionString);

        var id = await system.UploadAsync(
            TranslateUploads.Form(TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), "movie.srt", targetLanguage: "fr", engine: "ollama"), Ct);
        var job = await system.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(2), Ct);

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        job.GetProperty("sourceLanguage").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        ollama.ChatRequests.ShouldHaveSingleItem().Body.ShouldContain("recognise it");
        var (result, _) = await system.DownloadAsync(id, Ct);
        result.Cues.ShouldAllBe(c => Marker().IsMatch(c.Text));
    }

    [Fact]
    public async Task WhenOllamaKeepsFailingApertiumTakesOverTheJobSaysSoOnceAndEveryLineNamesItsEngine()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Ct);
        ollama.DefaultBehaviour = OllamaBehaviour.ServerError;
        await using var system = await RunningSystem.StartAsync(postgres, redis, ollama.ConnectionString);

        var id = await system.UploadAsync(TranslateUploads.Form(
            TranslateUploads.Utf8(TranslateUploads.ThreeCueSrt), "movie.en.srt", targetLanguage: "es", engine: "ollama", fallback: "apertium"), Ct);
        var job = await system.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(3), Ct);

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        var warnings = job.GetProperty("warnings").EnumerateArray().ToList();
        warnings.Count.ShouldBe(3);
        warnings.ShouldAllBe(w => w.GetProperty("code").GetString() == "fallback_engine" && w.GetProperty("engine").GetString() == "apertium");
        var (result, _) = await system.DownloadAsync(id, Ct);
        result.Cues[0].Text.ShouldBe("La casa es roja.");
        var options = new DbContextOptionsBuilder<FluxCaptionDbContext>();
        DataExtensions.Configure(options, system.Api.DatabaseConnectionString);
        await using var db = new FluxCaptionDbContext(options.Options);
        var takeovers = await db.JobEvents.Where(e => e.JobId == id && e.Type == JobEventTypes.FallbackEngine)
            .Select(e => e.Message).ToListAsync(Ct);
        takeovers.ShouldHaveSingleItem()!.ShouldStartWith("apertium took over from cue 1: Translated by apertium after ollama failed:");
    }

    [GeneratedRegex(@"\[fr\]")]
    private static partial Regex Marker();
}
