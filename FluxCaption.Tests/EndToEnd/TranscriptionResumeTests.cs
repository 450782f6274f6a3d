using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Media;
using FluxCaption.Core.Speech.Audio;
using FluxCaption.Core.Speech.Transcription;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Pipeline;
using FluxCaption.Tests.TestServers.ScriptedSpeech;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.EndToEnd;

/// <summary>The real Worker executable killed with SIGKILL in the middle of a transcription of several windows.</summary>
public sealed class TranscriptionResumeTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWorkerKilledMidTranscriptionResumesFromItsLastFinishedWindow()
    {
        await using var speech = await ScriptedOpenAiTranscriptionServer.StartAsync(cancellationToken: Ct);
        speech.Script.Utterances = [new(0.6, 1.4, "The house is red.")];
        speech.Script.Latency = TimeSpan.FromSeconds(1.5);
        using var root = new TempLibrary();
        var video = root.Video("Film");
        // About 80 s of speech with a pause after every sentence: three windows or more.
        await SpokenMedia.CreateVideoAsync(video, [.. Enumerable.Range(1, 40).Select(i => i % 2 == 0 ? "The house is red." : "The car is blue.")]);
        var windows = await PlannedWindowsAsync(video);
        windows.ShouldBeGreaterThanOrEqualTo(3);
        var settings = new Dictionary<string, string?>(SourceMakingEndToEndTests.SpeechService(speech))
        {
            ["Jobs:LeaseTtl"] = "00:00:03",
            ["Jobs:HeartbeatInterval"] = "00:00:00.500",
            ["Messaging:ClaimIdleTime"] = "00:00:02",
            ["Worker:ClaimInterval"] = "00:00:01",
            ["Worker:ReaperInterval"] = "00:00:01",
        };
        await using var system = await RunningSystem.StartAsync(postgres, redis, settings: settings);
        var api = new LibraryApiClient(system);
        var library = await api.LibraryAsync(root.Path);
        await api.SyncAsync(library, full: true);
        var item = (await api.ItemsMissingAsync(library, "es")).ShouldHaveSingleItem().GetProperty("id").GetGuid();
        var jobId = (await api.TranslateAsync([item], "es", "apertium")).ShouldHaveSingleItem();

        await Eventually.HoldsAsync(async () => await FinishedWindowsAsync(system) >= 1, "the first worker finished a window", TimeSpan.FromSeconds(90));
        system.Worker.Kill();
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        var finishedAtKill = await FinishedWindowsAsync(system);
        var requestsAtKill = speech.Script.Requests.Count;
        finishedAtKill.ShouldBeLessThan(windows, "the transcription should still have been running");

        var environment = system.Api.WorkerEnvironment();
        environment["Worker__Roles"] = "consumer,scheduler";
        await using (WorkerProcess.Start(environment))
        {
            await Eventually.HoldsAsync(async () => (await JobAsync(system, jobId)).Status == JobStatus.Succeeded,
                "the second worker finished the job", TimeSpan.FromSeconds(180));
        }

        // The second worker asks only for the windows not finished before the kill (the one in flight at most once more).
        (speech.Script.Requests.Count - requestsAtKill).ShouldBeLessThanOrEqualTo(windows - finishedAtKill + 1);
        speech.Script.Requests.Count.ShouldBeLessThanOrEqualTo(windows + 1);
        File.Exists(root.Sidecar("Film", "es")).ShouldBeTrue();
    }

    private static async Task<int> FinishedWindowsAsync(RunningSystem system)
    {
        await using var scope = system.Api.Services.CreateAsyncScope();
        var progress = await scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>().SourceTranscripts
            .Select(transcript => transcript.Progress).SingleOrDefaultAsync(Ct);
        return TranscriptProgress.Read(progress).Windows.Count;
    }

    private static async Task<Job> JobAsync(RunningSystem system, Guid id)
    {
        await using var scope = system.Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>().Jobs.AsNoTracking().SingleAsync(job => job.Id == id, Ct);
    }

    // The same plan the worker makes: the real extraction, silence detection and planner with their defaults.
    private static async Task<int> PlannedWindowsAsync(string video)
    {
        var folder = Directory.CreateTempSubdirectory("fluxcaption-plan-");
        try
        {
            var media = Options.Create(new MediaOptions { TempDirectory = folder.FullName });
            var audioOptions = Options.Create(new SpeechAudioOptions());
            var audio = await new AudioExtractor(media, audioOptions, NullLogger<AudioExtractor>.Instance)
                .ExtractAsync(video, null, Path.Combine(folder.FullName, "audio.wav"), Ct);
            var silences = await new SilenceDetector(media, audioOptions).DetectAsync(audio.WavPath, Ct);
            return SpeechWindowPlanner.Plan(audio.Duration, silences, audioOptions.Value.ToWindowOptions()).Count(window => !window.IsSilent);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
