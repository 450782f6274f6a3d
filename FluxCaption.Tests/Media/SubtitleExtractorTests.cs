using FluxCaption.Core.Libraries;
using FluxCaption.Core.Media;
using FluxCaption.Core.Subtitles;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Media;

public sealed class SubtitleExtractorTests(MediaFilesFixture media) : IClassFixture<MediaFilesFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEmbeddedSubripTrackComesOutAsTheSameSrtCues()
    {
        var extracted = await ExtractAsync(media.Mkv, "subrip", "en");

        extracted.Format.ShouldBe(SubtitleFormat.Srt);
        ShouldMatch(CuesOf(extracted), CuesOf(TestMedia.SampleSrt, SubtitleFormat.Srt));
    }

    [Fact]
    public async Task AnEmbeddedAssTrackComesOutAsAssWithItsStylesAndOverrideTags()
    {
        var extracted = await ExtractAsync(media.Mkv, "ass", "fr");

        extracted.Format.ShouldBe(SubtitleFormat.Ass);
        extracted.Content.ShouldContain("[V4+ Styles]");
        extracted.Content.ShouldContain("Style: Default,Arial,20");
        ShouldMatch(CuesOf(extracted), CuesOf(TestMedia.SampleAss, SubtitleFormat.Ass));
        CuesOf(extracted)[0].Text.ShouldBe(@"Bonjour {\i1}à tous{\i0}.");
    }

    [Fact]
    public async Task AnEmbeddedWebVttTrackComesOutAsWebVtt()
    {
        var extracted = await ExtractAsync(media.Mkv, "webvtt", "de");

        extracted.Format.ShouldBe(SubtitleFormat.WebVtt);
        extracted.Content.ShouldStartWith("WEBVTT");
        ShouldMatch(CuesOf(extracted), CuesOf(MediaFilesFixture.SampleVtt, SubtitleFormat.WebVtt));
    }

    [Fact]
    public async Task AMovTextTrackInAnMp4IsConvertedToSrt()
    {
        var extracted = await ExtractAsync(media.Mp4, "mov_text", "es");

        extracted.Format.ShouldBe(SubtitleFormat.Srt);
        ShouldMatch(CuesOf(extracted), CuesOf(TestMedia.SampleSrt, SubtitleFormat.Srt));
    }

    [Fact]
    public async Task ExtractionLeavesNoFileInTheTempFolder()
    {
        await ExtractAsync(media.Mkv, "subrip", "en");

        var extractFolder = Path.Combine(media.TempDirectory, "extract");
        Directory.EnumerateFiles(extractFolder).ShouldBeEmpty();
    }

    [Fact]
    public async Task ABitmapTrackIsRefusedAsAPictureSubtitle()
    {
        var pgs = new MediaTrack { Kind = MediaTrackKind.Subtitle, Index = 3, Codec = "hdmv_pgs_subtitle", IsText = false };

        var exception = await Should.ThrowAsync<MediaToolException>(() => media.Extractor.ExtractAsync(media.Mkv, pgs, Token));

        exception.Code.ShouldBe(MediaToolException.BitmapTrack);
        exception.Message.ShouldContain("OCR");
    }

    [Fact]
    public async Task AnAudioTrackIsNotExtractable()
    {
        var audio = new MediaTrack { Kind = MediaTrackKind.Audio, Index = 1, Codec = "aac" };

        var exception = await Should.ThrowAsync<MediaToolException>(() => media.Extractor.ExtractAsync(media.Mkv, audio, Token));

        exception.Code.ShouldBe(MediaToolException.NotExtractable);
    }

    [Fact]
    public async Task CancellingAnExtractionKillsFfmpeg()
    {
        // ffmpeg blocks opening a FIFO nobody writes to, so the extraction is still running when it is cancelled.
        var fifo = Path.Combine(Directory.CreateDirectory(media.TempDirectory).FullName, $"stalled-{Guid.NewGuid():N}.mkv");
        await ChildProcess.RunAsync("mkfifo", [fifo]);
        try
        {
            var track = new MediaTrack { Kind = MediaTrackKind.Subtitle, Index = 0, Codec = "subrip", IsText = true };
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
            var extraction = media.Extractor.ExtractAsync(fifo, track, cancellation.Token);
            await WaitUntilAsync(() => ProcessesReading("ffmpeg", fifo).Count == 1);

            await cancellation.CancelAsync();

            await Should.ThrowAsync<OperationCanceledException>(() => extraction);
            await WaitUntilAsync(() => ProcessesReading("ffmpeg", fifo).Count == 0);
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Fact]
    public async Task CancellingAProbeKillsFfprobe()
    {
        var fifo = Path.Combine(Directory.CreateDirectory(media.TempDirectory).FullName, $"stalled-probe-{Guid.NewGuid():N}.mkv");
        await ChildProcess.RunAsync("mkfifo", [fifo]);
        try
        {
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
            var probing = media.Probe.ProbeAsync(fifo, cancellation.Token);
            await WaitUntilAsync(() => ProcessesReading("ffprobe", fifo).Count == 1);

            await cancellation.CancelAsync();

            await Should.ThrowAsync<OperationCanceledException>(() => probing);
            await WaitUntilAsync(() => ProcessesReading("ffprobe", fifo).Count == 0);
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    private async Task<FetchedSubtitle> ExtractAsync(string path, string codec, string language)
    {
        var probed = await media.Probe.ProbeAsync(path, Token);
        var track = probed.Tracks.Single(track => track.Codec == codec && track.Language == language);
        return await media.Extractor.ExtractAsync(path, track, Token);
    }

    // Matroska files keep the stream start offset ffmpeg gave them (about 20 ms here, from the AAC priming
    // delay), and extraction keeps the file's timestamps as they are, so timings are compared within 50 ms.
    private static void ShouldMatch(
        List<(TimeSpan Start, TimeSpan End, string Text)> actual, List<(TimeSpan Start, TimeSpan End, string Text)> expected)
    {
        actual.Select(cue => cue.Text).ShouldBe(expected.Select(cue => cue.Text));
        foreach (var (got, want) in actual.Zip(expected))
        {
            (got.Start - want.Start).Duration().ShouldBeLessThan(TimeSpan.FromMilliseconds(50));
            (got.End - want.End).Duration().ShouldBeLessThan(TimeSpan.FromMilliseconds(50));
        }
    }

    private static List<(TimeSpan Start, TimeSpan End, string Text)> CuesOf(FetchedSubtitle subtitle) =>
        CuesOf(subtitle.Content, subtitle.Format);

    private static List<(TimeSpan Start, TimeSpan End, string Text)> CuesOf(string content, SubtitleFormat format) =>
        SubtitleParser.Parse(content, format).Cues.Select(cue => (cue.Start, cue.End, cue.Text)).ToList();

    private static List<int> ProcessesReading(string tool, string path) =>
        Directory.EnumerateDirectories("/proc")
            .Select(directory => (Id: Path.GetFileName(directory), CommandLine: ReadCommandLine(directory)))
            .Where(process => process.CommandLine.StartsWith(tool + "\0", StringComparison.Ordinal)
                || process.CommandLine.Contains($"/{tool}\0", StringComparison.Ordinal))
            .Where(process => process.CommandLine.Contains(path, StringComparison.Ordinal))
            .Select(process => int.Parse(process.Id, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    private static string ReadCommandLine(string processDirectory)
    {
        try
        {
            return int.TryParse(Path.GetFileName(processDirectory), out _) ? File.ReadAllText(Path.Combine(processDirectory, "cmdline")) : "";
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition did not become true within 10 s");
            await Task.Delay(50, Token);
        }
    }
}
