using FluxCaption.Core.Speech.Audio;

namespace FluxCaption.Tests.Speech.Audio;

/// <summary>The whole preparation a job does before any engine runs: decode once, find silences, plan windows, cut them out.</summary>
public sealed class AudioPreparationTests(SpeechMediaFixture media) : IClassFixture<SpeechMediaFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WindowsCutAtTheDetectedPauseAddUpToTheDecodedAudio()
    {
        var audio = await media.Extractor().ExtractAsync(media.DelayedVideo, null, media.Output("prepared.wav"), Token);
        var silences = await media.Detector().DetectAsync(audio.WavPath, Token);
        var options = new SpeechWindowOptions { MaxWindow = TimeSpan.FromSeconds(5), CutSearch = TimeSpan.FromSeconds(3) };

        var windows = SpeechWindowPlanner.Plan(audio.Duration, silences, options);
        var again = SpeechWindowPlanner.Plan(audio.Duration, await media.Detector().DetectAsync(audio.WavPath, Token), options);

        again.ShouldBe(windows);
        // The first sentence fits in one window that ends inside the 2 s pause, which is too short to skip.
        var pause = media.SpeechParts[1];
        windows[0].End.TotalSeconds.ShouldBeInRange(pause.Start - 0.4, pause.End);
        windows[^1].IsSilent.ShouldBeFalse();
        var samples = 0L;
        foreach (var window in windows)
        {
            var written = await WavWindowWriter.WriteAsync(audio.WavPath, window.Start, window.End, media.Output($"window{window.Index}.wav"), Token);
            written.SampleRate.ShouldBe(16000);
            samples += WavFormat.Read(media.Output($"window{window.Index}.wav")).SampleCount;
        }

        samples.ShouldBe(WavFormat.Read(audio.WavPath).SampleCount);
    }
}
