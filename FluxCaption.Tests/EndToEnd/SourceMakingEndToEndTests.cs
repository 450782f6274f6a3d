using System.Text.Json;
using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FluxCaption.Benchmarks;
using FluxCaption.Benchmarks.Speech;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Pipeline;
using FluxCaption.Tests.TestServers.ScriptedJellyfin;
using FluxCaption.Tests.TestServers.ScriptedSpeech;

namespace FluxCaption.Tests.EndToEnd;

/// <summary>
/// Videos with no text subtitle in a local library, filled by the real Worker process: the asr stage
/// makes the source from the audio (a scripted OpenAI-compatible transcription service, or Whisper.net
/// with a generated model) or from an image-based track (the real Tesseract), then Apertium translates
/// and the sidecar lands next to the video.
/// </summary>
public sealed class SourceMakingEndToEndTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Sentences = ["The house is red.", "The car is blue."];

    // Where espeak-ng's voice says each sentence in the spoken video (silencedetect puts the pauses after 0.8 s and 2.6 s).
    private static readonly ScriptedUtterance[] Heard = [new(0.0, 0.8, "The house is red."), new(1.8, 2.6, "The car is blue.")];

    [Fact]
    public async Task AVideoWithOnlySpeechGetsASpanishSidecarTranslatedFromItsTranscript()
    {
        await using var film = await SpokenFilmAsync();
        var (speech, root, system, api) = (film.Speech, film.Root, film.System, film.Api);

        var job = await TranslateOnlyItemAsync(system, api, root, "es");

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        var sidecar = root.Sidecar("Film", "es");
        var written = SubtitleFile.Load(await File.ReadAllBytesAsync(sidecar, Ct), sidecar);
        written.Cues.Select(cue => cue.Text).ShouldBe(["La casa es roja.", "El coche es azul."]);
        written.Cues[0].Start.ShouldBe(TimeSpan.Zero);
        written.Cues[1].Start.ShouldBe(TimeSpan.FromSeconds(1.8));
        speech.Script.Requests.Count.ShouldBe(1, "the short audio is one window");
        var source = job.GetProperty("source");
        (source.GetProperty("origin").GetString(), source.GetProperty("engine").GetString()).ShouldBe(("asr", "openai"));
        job.GetProperty("sourceLanguage").GetString().ShouldBe("en");
    }

    [Fact]
    public async Task ASecondLanguageOfTheSameVideoIsTranslatedFromItsTranscriptWithoutHearingItAgain()
    {
        await using var film = await SpokenFilmAsync();
        var (speech, root, system, api) = (film.Speech, film.Root, film.System, film.Api);

        (await TranslateOnlyItemAsync(system, api, root, "en")).GetProperty("status").GetString().ShouldBe("succeeded");
        // Now the item has FluxCaption's English subtitle: the transcript it was written from is the better source.
        var spanish = await TranslateOnlyItemAsync(system, api, root, "es");

        spanish.GetProperty("status").GetString().ShouldBe("succeeded", spanish.ToString());
        spanish.GetProperty("source").GetProperty("origin").GetString().ShouldBe("asr");
        var sidecar = root.Sidecar("Film", "es");
        SubtitleFile.Load(await File.ReadAllBytesAsync(sidecar, Ct), sidecar).Cues[0].Text.ShouldBe("La casa es roja.");
        speech.Script.Requests.Count.ShouldBe(1, "the second language is translated from the same transcript");
    }

    [Fact]
    public async Task WithWriteTranscriptOnTheTranscriptIsAlsoWrittenInTheSpeechsOwnLanguage()
    {
        await using var film = await SpokenFilmAsync(settings: new Dictionary<string, string?> { ["Speech:WriteTranscript"] = "true" });
        var (speech, root, system, api) = (film.Speech, film.Root, film.System, film.Api);

        var spanish = await TranslateOnlyItemAsync(system, api, root, "es");

        spanish.GetProperty("status").GetString().ShouldBe("succeeded", spanish.ToString());
        var english = root.Sidecar("Film", "en");
        await Eventually.HoldsAsync(() => Task.FromResult(File.Exists(english)), "the transcript's own job wrote it", TimeSpan.FromMinutes(2));
        SubtitleFile.Load(await File.ReadAllBytesAsync(english, Ct), english).Cues[0].Text.ShouldBe("The house is red.");
        speech.Script.Requests.Count.ShouldBe(1, "both subtitles come from one transcript");
    }

    [Fact]
    public async Task SpeechAlreadyInTheWantedLanguageIsWrittenAsTheSubtitleWithoutTranslating()
    {
        // No language tag on the audio: the engine detects it.
        await using var film = await SpokenFilmAsync(audioLanguage: null);
        var (speech, root, system, api) = (film.Speech, film.Root, film.System, film.Api);

        var job = await TranslateOnlyItemAsync(system, api, root, "en");

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        var sidecar = root.Sidecar("Film", "en");
        SubtitleFile.Load(await File.ReadAllBytesAsync(sidecar, Ct), sidecar).Cues.Select(cue => cue.Text)
            .ShouldBe(["The house is red.", "The car is blue."]);
        speech.Script.Requests.ShouldHaveSingleItem().Fields.ContainsKey("language").ShouldBeFalse("an untagged track's language is detected");
        var jobId = job.GetProperty("id").GetGuid();
        await using var scope = system.Api.Services.CreateAsyncScope();
        var stages = await scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>().JobEvents
            .Where(e => e.JobId == jobId && e.Type == JobEventTypes.StageChanged).Select(e => e.Message).ToListAsync(Ct);
        stages.ShouldContain("writeback");
        stages.ShouldNotContain("translate");
    }

    [Fact]
    public async Task WhisperNetTranscribesAVideoWithAGeneratedModelIntoCuesInsideTheAudio()
    {
        using var root = new TempLibrary();
        var model = Path.Combine(root.Path, "models", "ggml-test.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(model)!);
        GgmlWhisperModelWriter.Write(model, GgmlWhisperDimensions.Test);
        var seconds = await SpokenMedia.CreateVideoAsync(root.Video("Film"), Sentences);
        await using var system = await RunningSystem.StartAsync(postgres, redis, settings: new Dictionary<string, string?>
        {
            ["Speech:Engine"] = "whisper",
            ["Speech:Model"] = model,
            ["Speech:WhisperNet:ModelsFolder"] = Path.GetDirectoryName(model),
        });
        var api = new LibraryApiClient(system);

        var job = await TranslateOnlyItemAsync(system, api, root, "en");

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        var sidecar = root.Sidecar("Film", "en");
        var cues = SubtitleFile.Load(await File.ReadAllBytesAsync(sidecar, Ct), sidecar).Cues;
        cues.ShouldNotBeEmpty();
        // A generated model's words mean nothing; its segments are real, and so are their times.
        cues.ShouldAllBe(cue => cue.Start >= TimeSpan.Zero && cue.End <= TimeSpan.FromSeconds(Math.Ceiling(seconds) + 7) && cue.End > cue.Start);
        job.GetProperty("source").GetProperty("engine").GetString().ShouldBe("whisper");
    }

    [Fact]
    public async Task AVideoWithOnlyAnImageBasedTrackGetsASpanishSidecarFromTheTextTesseractReads()
    {
        using var root = new TempLibrary();
        var sup = Path.Combine(root.Path, "film.sup");
        await File.WriteAllBytesAsync(sup, PgsWriter.Write([(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2.5), "The house is red.")]), Ct);
        await ChildProcess.RunAsync("ffmpeg",
        [
            "-hide_banner", "-loglevel", "error", "-y", "-copyts",
            "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10:duration=4", "-i", sup,
            "-map", "0", "-map", "1", "-c:v", "mpeg4", "-q:v", "10", "-c:s", "copy", "-metadata:s:s:0", "language=eng",
            root.Video("Film"),
        ], timeout: TimeSpan.FromSeconds(120));
        File.Delete(sup);
        await using var system = await RunningSystem.StartAsync(postgres, redis);
        var api = new LibraryApiClient(system);

        var job = await TranslateOnlyItemAsync(system, api, root, "es");

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        await using (var scope = system.Api.Services.CreateAsyncScope())
        {
            var read = await scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>().SubtitleDocuments
                .SingleAsync(document => document.Origin == SubtitleDocumentOrigin.Ocr, Ct);
            SubtitleFile.Load(System.Text.Encoding.UTF8.GetBytes(read.Content), "read.srt").Cues.ShouldHaveSingleItem().Text.ShouldBe("The house is red.", read.Content);
        }

        var sidecar = root.Sidecar("Film", "es");
        var cue = SubtitleFile.Load(await File.ReadAllBytesAsync(sidecar, Ct), sidecar).Cues.ShouldHaveSingleItem();
        cue.Text.ShouldBe("La casa es roja.");
        cue.Start.ShouldBe(TimeSpan.FromSeconds(0.5), TimeSpan.FromMilliseconds(50));
        job.GetProperty("source").GetProperty("origin").GetString().ShouldBe("ocr");
    }

    [Fact]
    public async Task AJellyfinVideoWhosePathIsNotMountedHereIsDownloadedTranscribedAndGetsAnUploadedSpanishTrack()
    {
        await using var speech = await ScriptedOpenAiTranscriptionServer.StartAsync(cancellationToken: Ct);
        speech.Script.Utterances = Heard;
        await using var jellyfin = await ScriptedJellyfinServer.StartAsync(Ct);
        using var root = new TempLibrary();
        var video = root.Video("Film");
        await SpokenMedia.CreateVideoAsync(video, Sentences);
        // Jellyfin runs in a container: it reports /media/... paths, which do not exist on the worker's host.
        jellyfin.ContainerMount = (root.Path, "/media/movies-in-a-container");
        var movies = jellyfin.AddLibrary("Movies", root.Path);
        var item = await jellyfin.AddVideoAsync(movies, video);
        var temp = Directory.CreateTempSubdirectory("fluxcaption-e2e-temp-");
        await using var system = await RunningSystem.StartAsync(postgres, redis, settings: new Dictionary<string, string?>(SpeechService(speech))
        {
            ["Media:TempDirectory"] = temp.FullName,
            ["Worker:TempDirectory"] = temp.FullName,
        });
        var api = new LibraryApiClient(system);
        await api.SendAsync(HttpMethod.Put, "/api/settings/jellyfin", new { url = jellyfin.Endpoint.ToString(), apiKey = jellyfin.ApiKey }, System.Net.HttpStatusCode.OK);
        var libraries = await api.SendAsync(HttpMethod.Post, "/api/libraries/refresh", null, System.Net.HttpStatusCode.OK);
        var library = libraries.EnumerateArray().Single(l => l.GetProperty("name").GetString() == "Movies").GetProperty("id").GetGuid();
        await api.SyncAsync(library, full: true);

        var missing = (await api.ItemsMissingAsync(library, "es")).ShouldHaveSingleItem().GetProperty("id").GetGuid();
        var job = await system.WaitUntilFinishedAsync((await api.TranslateAsync([missing], "es", "apertium")).ShouldHaveSingleItem(), TimeSpan.FromMinutes(3), Ct);

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        jellyfin.RequestsTo("GET", $"/Videos/{item.Id}/stream").Count.ShouldBeGreaterThanOrEqualTo(1);
        var uploaded = jellyfin.FindItem(item.Id)!.Externals.ShouldHaveSingleItem();
        SubtitleFile.Load(await File.ReadAllBytesAsync(uploaded.Path!, Ct), uploaded.Path).Cues[0].Text.ShouldBe("La casa es roja.");
        Directory.EnumerateFiles(temp.FullName, "*", SearchOption.AllDirectories).ShouldBeEmpty("the downloaded copy and the audio are deleted");
        temp.Delete(recursive: true);
    }

    /// <summary>A library folder with one film whose audio says <see cref="Sentences"/>, a scripted speech service that hears <see cref="Heard"/>, and the running system using it.</summary>
    private async Task<SpokenFilm> SpokenFilmAsync(string? audioLanguage = "eng", IReadOnlyDictionary<string, string?>? settings = null)
    {
        var speech = await ScriptedOpenAiTranscriptionServer.StartAsync(cancellationToken: Ct);
        speech.Script.Utterances = Heard;
        var root = new TempLibrary();
        await SpokenMedia.CreateVideoAsync(root.Video("Film"), Sentences, audioLanguage);
        var all = new Dictionary<string, string?>(SpeechService(speech));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var system = await RunningSystem.StartAsync(postgres, redis, settings: all);
        return new SpokenFilm(speech, root, system, new LibraryApiClient(system));
    }

    private sealed record SpokenFilm(ScriptedOpenAiTranscriptionServer Speech, TempLibrary Root, RunningSystem System, LibraryApiClient Api) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await System.DisposeAsync();
            await Speech.DisposeAsync();
            Root.Dispose();
        }
    }

    internal static Dictionary<string, string?> SpeechService(ScriptedOpenAiTranscriptionServer speech) => new()
    {
        ["Speech:Engine"] = "openai",
        ["Speech:OpenAi:Endpoint"] = speech.Endpoint.ToString(),
    };

    /// <summary>Adds the folder as a library with write-back, syncs it, asks for the language, and waits for the one job.</summary>
    internal static async Task<JsonElement> TranslateOnlyItemAsync(RunningSystem system, LibraryApiClient api, TempLibrary root, string language)
    {
        var library = await api.LibraryAsync(root.Path);
        await api.SyncAsync(library, full: true);
        var item = (await api.ItemsMissingAsync(library, language)).ShouldHaveSingleItem().GetProperty("id").GetGuid();
        var jobs = await api.TranslateAsync([item], language, "apertium");
        return await system.WaitUntilFinishedAsync(jobs.ShouldHaveSingleItem(), TimeSpan.FromMinutes(3), Ct);
    }
}
