using FluxCaption.Core.Media;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Media;

/// <summary>One mkv and one mp4, generated once per test class: probing and extracting only read them.</summary>
public sealed class MediaFilesFixture : IAsyncLifetime
{
    public const string SampleVtt = "WEBVTT\n\n00:00:00.500 --> 00:00:01.500\nHallo zusammen.\n\n00:00:01.600 --> 00:00:02.800\nWie geht es?\n";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("fluxcaption-media-tests-");

    public string Mkv => Path.Combine(_directory.FullName, "film.mkv");

    public string Mp4 => Path.Combine(_directory.FullName, "clip.mp4");

    public string TempDirectory => Path.Combine(_directory.FullName, "temp");

    public IOptions<MediaOptions> Options => Microsoft.Extensions.Options.Options.Create(new MediaOptions { TempDirectory = TempDirectory });

    public MediaProbe Probe => new(Options, NullLogger<MediaProbe>.Instance);

    public SubtitleExtractor Extractor => new(Options, NullLogger<SubtitleExtractor>.Instance);

    public async ValueTask InitializeAsync()
    {
        await TestMedia.CreateVideoAsync(Mkv,
        [
            new TestSubtitleTrack("eng", "srt", TestMedia.SampleSrt) { IsDefault = true },
            new TestSubtitleTrack("fre", "ass", TestMedia.SampleAss) { IsForced = true, Title = "Forced" },
            new TestSubtitleTrack("ger", "vtt", SampleVtt) { IsHearingImpaired = true },
            new TestSubtitleTrack("chi", "srt", TestMedia.SampleSrt) { Title = "繁體中文" },
        ], ["eng", "jpn"], seconds: 2);
        await TestMedia.CreateVideoAsync(Mp4, [new TestSubtitleTrack("spa", "srt", TestMedia.SampleSrt)], seconds: 2);
    }

    public ValueTask DisposeAsync()
    {
        _directory.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
