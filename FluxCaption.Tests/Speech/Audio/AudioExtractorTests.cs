using FluxCaption.Core.Libraries;
using FluxCaption.Core.Media;
using FluxCaption.Core.Speech.Audio;

namespace FluxCaption.Tests.Speech.Audio;

public sealed class AudioExtractorTests(SpeechMediaFixture media) : IClassFixture<SpeechMediaFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCommentaryTrackIsSkippedAndTheDialogueIsDecodedTo16KhzMono()
    {
        var probe = await media.Probe.ProbeAsync(media.TwoTrackVideo, Token);
        var commentary = probe.Tracks.Single(track => track.Kind == MediaTrackKind.Audio && track.Language == "en");
        commentary.IsCommentary.ShouldBeTrue();
        probe.Tracks.Single(track => track.Title == "Français 2").IsAudioDescription.ShouldBeTrue();
        probe.Tracks.Single(track => track.Title == "Français").ShouldSatisfyAllConditions(
            track => track.IsCommentary.ShouldBeFalse(), track => track.IsAudioDescription.ShouldBeFalse());

        // English is wanted, but the only English track is commentary: the French dialogue is what is said on screen.
        var chosen = AudioTrackChooser.Choose(probe.Tracks, ["en"]);
        chosen.ShouldNotBeNull();
        chosen.Title.ShouldBe("Français");

        var audio = await media.Extractor().ExtractAsync(media.TwoTrackVideo, chosen, media.Output("dialogue.wav"), Token);

        audio.StreamIndex.ShouldBe(chosen.Index!.Value);
        audio.StartOffset.ShouldBe(TimeSpan.Zero);
        audio.Duration.TotalSeconds.ShouldBe(media.SpeechParts[^1].End, 0.05);
        var format = WavFormat.Read(audio.WavPath);
        (format.SampleRate, format.Channels, format.BitsPerSample).ShouldBe((16000, 1, 16));
        format.Duration.ShouldBe(audio.Duration);
    }

    [Fact]
    public async Task WithoutATrackTheFirstAudioStreamIsDecoded()
    {
        var audio = await media.Extractor().ExtractAsync(media.TwoTrackVideo, null, media.Output("first.wav"), Token);

        audio.StreamIndex.ShouldBe(1);
        audio.Duration.TotalSeconds.ShouldBe(4, 0.05);
    }

    [Fact]
    public async Task AStreamThatStartsAfterThePictureReportsItsOffset()
    {
        var audio = await media.Extractor().ExtractAsync(media.DelayedVideo, null, media.Output("delayed.wav"), Token);

        audio.StartOffset.TotalSeconds.ShouldBe(1.5, 0.02);
        audio.Duration.TotalSeconds.ShouldBe(media.SpeechParts[^1].End, 0.05);
    }

    [Fact]
    public async Task AFileWithoutAudioIsAClearError()
    {
        var error = await Should.ThrowAsync<MediaToolException>(() =>
            media.Extractor().ExtractAsync(media.VideoWithoutAudio, null, media.Output("none.wav"), Token));

        error.Code.ShouldBe(MediaToolException.NoAudio);
        error.Message.ShouldContain("no audio stream");
        File.Exists(media.Output("none.wav")).ShouldBeFalse();
    }

    [Fact]
    public async Task ASubtitleTrackIsRefusedAsAnAudioSource()
    {
        var subtitle = new MediaTrack { Kind = MediaTrackKind.Subtitle, Index = 2, Codec = "subrip", IsText = true };

        var error = await Should.ThrowAsync<MediaToolException>(() =>
            media.Extractor().ExtractAsync(media.TwoTrackVideo, subtitle, media.Output("subtitle.wav"), Token));

        error.Code.ShouldBe(MediaToolException.NotExtractable);
    }

    [Fact]
    public async Task DecodingPastItsTimeoutIsStoppedAndLeavesNoFile()
    {
        var output = media.Output("timeout.wav");
        var options = new SpeechAudioOptions { ExtractTimeout = TimeSpan.FromMilliseconds(1) };

        var error = await Should.ThrowAsync<MediaToolException>(() => media.Extractor(options).ExtractAsync(media.DelayedVideo, null, output, Token));

        error.Code.ShouldBe(MediaToolException.TimedOut);
        error.Message.ShouldContain("Speech:Audio:ExtractTimeout");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public async Task ACancelledExtractionThrowsCancellationAndWritesNothing()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            media.Extractor().ExtractAsync(media.DelayedVideo, null, media.Output("cancelled.wav"), cancellation.Token));
        File.Exists(media.Output("cancelled.wav")).ShouldBeFalse();
    }

    [Fact]
    public async Task CancellingMidDecodingKillsFfmpegAndLeavesNoFile()
    {
        // An hour of FLAC silence: a small file that takes ffmpeg seconds to decode, long enough to cancel midway.
        var longFile = media.Output("hour.mkv");
        Directory.CreateDirectory(Path.GetDirectoryName(longFile)!);
        await Infrastructure.ChildProcess.RunAsync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
            "-i", "anullsrc=r=48000:cl=stereo", "-t", "3600", "-c:a", "flac", longFile], timeout: TimeSpan.FromMinutes(3));
        var output = media.Output("hour.wav");
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var extraction = media.Extractor().ExtractAsync(longFile, null, output, cancellation.Token);
        await WaitUntilAsync(() => File.Exists(output) && new FileInfo(output).Length > 0);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => extraction);
        await WaitUntilAsync(() => !FfmpegWritingTo(output));
        FfmpegWritingTo(output).ShouldBeFalse();
        File.Exists(output).ShouldBeFalse();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 200 && !condition(); attempt++)
        {
            await Task.Delay(25, Token);
        }
    }

    private static bool FfmpegWritingTo(string path) =>
        Directory.EnumerateDirectories("/proc").Any(process =>
        {
            try
            {
                return File.ReadAllText(Path.Combine(process, "cmdline")).Contains(path, StringComparison.Ordinal);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        });
}
