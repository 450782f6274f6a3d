using FluxCaption.Benchmarks;
using FluxCaption.Core.Media;
using FluxCaption.Core.Ocr;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Ocr;

/// <summary>
/// A .sup file, an .idx/.sub pair and an mkv holding both as embedded tracks (PGS and dvd_subtitle, muxed by the
/// machine's ffmpeg beside a small generated video), all written once per test class from the same captions.
/// </summary>
public sealed class BitmapSubtitleFiles : IAsyncLifetime
{
    public static readonly IReadOnlyList<(TimeSpan Start, TimeSpan End, string Text)> Captions =
    [
        (TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2), "Hello there"),
        (TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(4.25), "The river is quiet\ntonight"),
        (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6.5), "Where is your father?"),
    ];

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("fluxcaption-ocr-tests-");

    public string Sup => Path.Combine(_directory.FullName, "film.sup");

    public string Idx => Path.Combine(_directory.FullName, "film.idx");

    public string Mkv => Path.Combine(_directory.FullName, "film.mkv");

    public string Mp4 => Path.Combine(_directory.FullName, "clip.mp4");

    public string TempDirectory => Path.Combine(_directory.FullName, "temp");

    public MediaOptions Media => new() { TempDirectory = TempDirectory };

    public BitmapSubtitleReader Reader(OcrOptions? options = null) =>
        new(Options.Create(options ?? new OcrOptions()), Options.Create(Media), NullLogger<BitmapSubtitleReader>.Instance);

    public MediaProbe Probe => new(Options.Create(Media), NullLogger<MediaProbe>.Instance);

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllBytesAsync(Sup, PgsWriter.Write(Captions));
        var (idx, sub) = VobSubWriter.Write(Captions);
        await File.WriteAllTextAsync(Idx, idx);
        await File.WriteAllBytesAsync(Path.ChangeExtension(Idx, ".sub"), sub);
        await ChildProcess.RunAsync("ffmpeg",
        [
            // -copyts: ffmpeg would otherwise move each input's first timestamp to zero, and the first caption with it.
            "-hide_banner", "-loglevel", "error", "-y", "-copyts",
            "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10:duration=7",
            "-i", Sup, "-i", Idx,
            "-map", "0", "-map", "1", "-map", "2",
            "-c:v", "mpeg4", "-q:v", "10", "-c:s", "copy",
            "-metadata:s:s:0", "language=eng", "-metadata:s:s:1", "language=eng",
            Mkv,
        ], timeout: TimeSpan.FromSeconds(120));
        // MP4 stores a VobSub track's palette as binary decoder data; ffmpeg hands it back as .idx text.
        await ChildProcess.RunAsync("ffmpeg",
        [
            "-hide_banner", "-loglevel", "error", "-y", "-copyts",
            "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10:duration=7", "-i", Idx,
            "-map", "0", "-map", "1", "-c:v", "mpeg4", "-q:v", "10", "-c:s", "copy", "-metadata:s:s:0", "language=eng",
            Mp4,
        ], timeout: TimeSpan.FromSeconds(120));
    }

    public ValueTask DisposeAsync()
    {
        _directory.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
