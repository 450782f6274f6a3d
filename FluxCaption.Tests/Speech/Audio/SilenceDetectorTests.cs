using FluxCaption.Core.Media;
using FluxCaption.Core.Speech.Audio;

namespace FluxCaption.Tests.Speech.Audio;

public sealed class SilenceDetectorTests(SpeechMediaFixture media) : IClassFixture<SpeechMediaFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePauseBetweenSentencesAndTheTrailingSilenceAreFound()
    {
        var audio = await media.Extractor().ExtractAsync(media.TwoTrackVideo, null, media.Output("silence-source.wav"), Token);
        var dialogue = await media.Extractor().ExtractAsync(
            media.DelayedVideo, null, media.Output("silence-dialogue.wav"), Token);

        var silences = await media.Detector().DetectAsync(dialogue.WavPath, Token);

        // espeak-ng ends each sentence with a little quiet of its own, so a detected silence may begin before the generated one.
        var (pauseStart, pauseEnd) = media.SpeechParts[1];
        silences.ShouldContain(span => span.Start.TotalSeconds <= pauseStart + 0.05 && span.Start.TotalSeconds > pauseStart - 0.6
            && span.End.TotalSeconds >= pauseEnd - 0.05 && span.End.TotalSeconds < pauseEnd + 0.3);
        var trailing = silences[^1];
        trailing.End.ShouldBe(dialogue.Duration);
        trailing.Start.TotalSeconds.ShouldBeLessThanOrEqualTo(media.SpeechParts[3].Start + 0.05);
        // A steady tone is never silence.
        (await media.Detector().DetectAsync(audio.WavPath, Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ALongerMinimumDurationIgnoresTheShorterPause()
    {
        var dialogue = await media.Extractor().ExtractAsync(media.DelayedVideo, null, media.Output("minimum.wav"), Token);

        var silences = await media.Detector(new SpeechAudioOptions { SilenceMinimumDuration = TimeSpan.FromSeconds(2.2) })
            .DetectAsync(dialogue.WavPath, Token);

        silences.Count.ShouldBe(1);
        silences[0].Duration.TotalSeconds.ShouldBeGreaterThan(2.2);
        silences[0].End.ShouldBeLessThan(dialogue.Duration);
    }

    [Fact]
    public async Task AFileThatIsNotWavIsAClearError()
    {
        var error = await Should.ThrowAsync<MediaToolException>(() => media.Detector().DetectAsync(media.VideoWithoutAudio, Token));

        error.Code.ShouldBe(MediaToolException.UnreadableFile);
        error.Message.ShouldContain("not a WAV file");
    }

    [Fact]
    public void LogLinesBecomeSpansAndAnOpenSilenceRunsToTheEnd()
    {
        string[] lines =
        [
            "[silencedetect @ 0x5581c3a0] silence_start: -0.0123",
            "[silencedetect @ 0x5581c3a0] silence_end: 1.25 | silence_duration: 1.2623",
            "size=N/A time=00:00:05.00 bitrate=N/A speed= 512x",
            "size=N/A time=00:00:07.00 bitrate=N/A speed=N/A    [silencedetect @ 0x5581c3a0] silence_start: 7.5",
            "[silencedetect @ 0x5581c3a0] silence_end: 9 | silence_duration: 1.5",
            "[silencedetect @ 0x5581c3a0] silence_start: 11.75",
        ];

        var spans = SilenceLog.Parse(lines, TimeSpan.FromSeconds(12.5));

        spans.ShouldBe(
        [
            new SilenceSpan(TimeSpan.Zero, TimeSpan.FromSeconds(1.25)),
            new SilenceSpan(TimeSpan.FromSeconds(7.5), TimeSpan.FromSeconds(9)),
            new SilenceSpan(TimeSpan.FromSeconds(11.75), TimeSpan.FromSeconds(12.5)),
        ]);
    }
}
