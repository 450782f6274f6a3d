using FluxCaption.Benchmarks;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Ocr;
using FluxCaption.Core.Ocr.Pgs;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Tests.Ocr;

/// <summary>The whole read with the machine's Tesseract (tesseract-ocr and its English data must be installed).</summary>
public sealed class BitmapSubtitleReaderTests(BitmapSubtitleFiles files) : IClassFixture<BitmapSubtitleFiles>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly TimeSpan StopTick = TimeSpan.FromMilliseconds(12);

    [Fact]
    public async Task ASupFileIsReadBackWordForWordWithItsTimings()
    {
        var transcript = await files.Reader().ReadSupAsync(files.Sup, "en", null, Token);

        ShouldMatchCaptions(transcript, TimeSpan.Zero);
        transcript.Document.Format.ShouldBe(SubtitleFormat.Srt);
        SubtitleWriter.Write(transcript.Document).ShouldStartWith("1\n00:00:00,500 --> 00:00:02,000\nHello there\n");
    }

    [Fact]
    public async Task AVobSubPairIsReadBackInTheLanguageOfItsIndex()
    {
        var progress = new List<double>();

        var transcript = await files.Reader().ReadVobSubAsync(files.Idx, null, null, new SynchronousProgress(progress), Token);

        ShouldMatchCaptions(transcript, StopTick);
        progress[^1].ShouldBe(1);
    }

    [Fact]
    public async Task AnEmbeddedPgsTrackFoundByTheProbeIsReadAndItsWorkFilesDeleted()
    {
        var track = await TrackAsync("hdmv_pgs_subtitle");

        var transcript = await files.Reader().ReadTrackAsync(files.Mkv, track, null, null, Token);

        ShouldMatchCaptions(transcript, TimeSpan.FromMilliseconds(1));
        Directory.EnumerateFileSystemEntries(Path.Combine(files.TempDirectory, "ocr")).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnEmbeddedVobSubTrackIsReadWithThePaletteFromItsPrivateData()
    {
        var track = await TrackAsync("dvd_subtitle");

        var transcript = await files.Reader().ReadTrackAsync(files.Mkv, track, "en", null, Token);

        ShouldMatchCaptions(transcript, StopTick);
    }

    [Fact]
    public async Task AVobSubTrackInAnMp4IsReadWithThePaletteFromItsDecoderData()
    {
        var track = (await files.Probe.ProbeAsync(files.Mp4, Token)).Tracks.Single(t => t.Codec == "dvd_subtitle");

        var transcript = await files.Reader().ReadTrackAsync(files.Mp4, track, null, null, Token);

        // ffmpeg's MP4 muxer drops a subtitle track's last sample when it has no duration, and VobSub packets
        // carry none, so the file holds the first two captions.
        ShouldMatchCaptions(transcript, StopTick, count: 2);
    }

    [Fact]
    public async Task ATrackOfUnknownLanguageIsReadAsEnglishWithAWarning()
    {
        var transcript = await files.Reader().ReadSupAsync(files.Sup, "und", null, Token);

        transcript.Document.Cues[0].Text.ShouldBe("Hello there");
        transcript.Warnings.ShouldContain(w => w.Contains("not known") && w.Contains("English"));
    }

    [Theory]
    [InlineData("hdmv_pgs_subtitle", "film.sup")]
    [InlineData("dvd_subtitle", "film.idx")]
    public async Task ASidecarBitmapTrackIsReadFromItsPath(string codec, string file)
    {
        var track = new MediaTrack
        {
            Kind = MediaTrackKind.Subtitle, Codec = codec, IsExternal = true, Path = Path.Combine(Path.GetDirectoryName(files.Sup)!, file),
        };

        var transcript = await files.Reader().ReadTrackAsync(files.Mkv, track, null, null, Token);

        ShouldMatchCaptions(transcript, StopTick);
    }

    [Fact]
    public async Task ACaptionWithoutTextIsCountedAsEmptyAndLeftOut()
    {
        var writer = new PgsWriter();
        writer.Show(TimeSpan.FromSeconds(1), [new PlacedPicture(CaptionRenderer.Render("Good morning"), 200, 900)]);
        writer.Clear(TimeSpan.FromSeconds(2));
        // A speck of fill on a transparent picture: something to clean up, nothing to read.
        var speck = new IndexedPicture(300, 40, new byte[300 * 40]);
        foreach (var pixel in new[] { (20 * 300) + 150, (20 * 300) + 151, (21 * 300) + 150, (21 * 300) + 151 })
        {
            speck.Pixels[pixel] = 1;
        }

        writer.Show(TimeSpan.FromSeconds(3), [new PlacedPicture(speck, 200, 900)]);
        writer.Clear(TimeSpan.FromSeconds(4));
        var captions = PgsDecoder.Decode(writer.ToArray());

        var transcript = await files.Reader().ReadCaptionsAsync(captions, "eng", [], null, Token);

        (transcript.Captions, transcript.EmptyCaptions).ShouldBe((2, 1));
        transcript.Document.Cues.ShouldHaveSingleItem().Text.ShouldBe("Good morning");
        transcript.Warnings.ShouldContain(w => w.Contains("1 of 2 captions"));
    }

    [Fact]
    public async Task ALanguageWithoutTrainedDataNamesTheDebianPackageToInstall()
    {
        var tessdata = OnlyEnglishData();

        var error = await Should.ThrowAsync<OcrException>(() =>
            files.Reader(new OcrOptions { TessdataDirectory = tessdata }).ReadSupAsync(files.Sup, "zh-Hant", null, Token));

        error.Code.ShouldBe(OcrErrorCodes.LanguageMissing);
        error.Message.ShouldContain("tesseract-ocr-chi-tra");
    }

    [Fact]
    public async Task WithTheEnglishFallbackAMissingLanguageIsReadAsEnglishWithAWarning()
    {
        var options = new OcrOptions { TessdataDirectory = OnlyEnglishData(), FallbackToEnglish = true };

        var transcript = await files.Reader(options).ReadSupAsync(files.Sup, "fre", null, Token);

        transcript.Document.Cues[0].Text.ShouldBe("Hello there");
        transcript.Warnings.ShouldContain(w => w.Contains("tesseract-ocr-fra") && w.Contains("read as English"));
    }

    [Fact]
    public async Task AMissingTesseractSaysToInstallTesseractOcr()
    {
        var options = new OcrOptions { TesseractPath = Path.Combine(files.TempDirectory, "no-such-tesseract") };

        var error = await Should.ThrowAsync<OcrException>(() => files.Reader(options).ReadSupAsync(files.Sup, "en", null, Token));

        error.Code.ShouldBe(OcrErrorCodes.ToolMissing);
        error.Message.ShouldContain("tesseract-ocr");
    }

    [Fact]
    public async Task ATextTrackIsRefusedAsNotABitmapTrack()
    {
        var track = new MediaTrack { Kind = MediaTrackKind.Subtitle, Index = 1, Codec = "subrip", IsText = true };

        var error = await Should.ThrowAsync<OcrException>(() => files.Reader().ReadTrackAsync(files.Mkv, track, "en", null, Token));

        error.Code.ShouldBe(OcrErrorCodes.BadTrack);
        error.Message.ShouldContain("'subrip'");
    }

    [Fact]
    public async Task CancellingKillsTesseractAndThrowsCancellation()
    {
        var reader = files.Reader(new OcrOptions { CaptionsPerRun = 150 });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var read = reader.ReadCaptionsAsync(ManyCaptions(150), "eng", [], null, cancel.Token);
        await WaitForAsync(() => OurTesseracts().Count > 0);

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => read);
        await WaitForAsync(() => OurTesseracts().Count == 0);
    }

    [Fact]
    public async Task ATesseractRunPastItsTimeoutIsStoppedWithAnErrorNamingTheSetting()
    {
        var reader = files.Reader(new OcrOptions { CaptionsPerRun = 150, Timeout = TimeSpan.FromMilliseconds(300) });
        await reader.ChooseLanguageAsync("en", [], Token);

        var error = await Should.ThrowAsync<OcrException>(() => reader.ReadCaptionsAsync(ManyCaptions(150), "eng", [], null, Token));

        error.Code.ShouldBe(OcrErrorCodes.Failed);
        error.Message.ShouldContain("Ocr:Timeout");
        await WaitForAsync(() => OurTesseracts().Count == 0);
    }

    private IEnumerable<BitmapCaption> ManyCaptions(int count)
    {
        var three = PgsDecoder.Decode(File.ReadAllBytes(files.Sup));
        return Enumerable.Range(0, count).Select(i => three[i % 3] with { Start = TimeSpan.FromSeconds(i * 3), End = TimeSpan.FromSeconds((i * 3) + 2) });
    }

    // Tesseract processes started by this test process (other test runs on the machine may have their own).
    private static List<int> OurTesseracts()
    {
        var us = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).OfType<string>()
            .Where(name => name.All(char.IsAsciiDigit))
            .Select(pid => (Pid: pid, Stat: TryRead($"/proc/{pid}/stat")))
            .Where(p => p.Stat is not null && p.Stat.Contains("(tesseract)", StringComparison.Ordinal)
                && p.Stat[(p.Stat.LastIndexOf(')') + 2)..].Split(' ')[1] == us)
            .Select(p => int.Parse(p.Pid, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        // Generous: the pictures are cleaned before Tesseract starts, and the machine may be busy.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "waited 120 s");
            await Task.Delay(20, Token);
        }
    }

    private async Task<MediaTrack> TrackAsync(string codec)
    {
        var probe = await files.Probe.ProbeAsync(files.Mkv, Token);
        return probe.Tracks.Single(t => t.Codec == codec);
    }

    private string OnlyEnglishData()
    {
        var folder = Directory.CreateDirectory(Path.Combine(files.TempDirectory, "tessdata-" + Guid.NewGuid().ToString("N")));
        var english = Directory.EnumerateFiles("/usr/share/tesseract-ocr", "eng.traineddata", SearchOption.AllDirectories).FirstOrDefault()
            ?? throw new InvalidOperationException("eng.traineddata not found under /usr/share/tesseract-ocr: install tesseract-ocr (it brings tesseract-ocr-eng).");
        File.Copy(english, Path.Combine(folder.FullName, "eng.traineddata"));
        return folder.FullName;
    }

    private static void ShouldMatchCaptions(OcrTranscript transcript, TimeSpan endTolerance, int count = 3)
    {
        (transcript.Captions, transcript.EmptyCaptions).ShouldBe((count, 0));
        transcript.Document.Cues.Select(c => c.Text).ShouldBe(BitmapSubtitleFiles.Captions.Take(count).Select(c => c.Text));
        for (var i = 0; i < count; i++)
        {
            var (cue, expected) = (transcript.Document.Cues[i], BitmapSubtitleFiles.Captions[i]);
            (cue.Start - expected.Start).Duration().ShouldBeLessThanOrEqualTo(TimeSpan.FromMilliseconds(1), $"start of cue {i + 1}");
            (cue.End - expected.End).Duration().ShouldBeLessThanOrEqualTo(endTolerance, $"end of cue {i + 1}");
        }
    }

    private sealed class SynchronousProgress(List<double> values) : IProgress<double>
    {
        public void Report(double value) => values.Add(value);
    }
}
