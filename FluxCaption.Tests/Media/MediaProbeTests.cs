using FluxCaption.Core.Libraries;
using FluxCaption.Core.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Media;

public sealed class MediaProbeTests(MediaFilesFixture media) : IClassFixture<MediaFilesFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProbingAnMkvListsItsAudioAndSubtitleTracksWithLanguagesCodecsAndFlags()
    {
        var result = await media.Probe.ProbeAsync(media.Mkv, Token);

        result.Tracks.Select(track => (track.Kind, track.Index, track.Language, track.Codec, track.IsText)).ShouldBe(
        [
            (MediaTrackKind.Audio, 1, "en", "aac", false),
            (MediaTrackKind.Audio, 2, "ja", "aac", false),
            (MediaTrackKind.Subtitle, 3, "en", "subrip", true),
            (MediaTrackKind.Subtitle, 4, "fr", "ass", true),
            (MediaTrackKind.Subtitle, 5, "de", "webvtt", true),
            (MediaTrackKind.Subtitle, 6, "zh-Hant", "subrip", true),
        ]);
        var subtitles = result.Tracks.Where(track => track.Kind == MediaTrackKind.Subtitle).ToList();
        subtitles[0].IsDefault.ShouldBeTrue();
        subtitles[1].IsForced.ShouldBeTrue();
        subtitles[1].Title.ShouldBe("Forced");
        subtitles[2].IsHearingImpaired.ShouldBeTrue();
        subtitles[3].RawLanguage.ShouldBe("chi");
        subtitles.ShouldAllBe(track => !track.IsExternal);
        result.Duration.ShouldNotBeNull().TotalSeconds.ShouldBeInRange(1.5, 3.5);
    }

    [Fact]
    public async Task ProbingAnMp4ReportsItsTextTrackAsMovText()
    {
        var result = await media.Probe.ProbeAsync(media.Mp4, Token);

        var subtitle = result.Tracks.Single(track => track.Kind == MediaTrackKind.Subtitle);
        subtitle.Codec.ShouldBe("mov_text");
        subtitle.Language.ShouldBe("es");
        subtitle.IsText.ShouldBeTrue();
    }

    [Fact]
    public async Task ProbingAMissingFileSaysTheFileDoesNotExist()
    {
        var exception = await Should.ThrowAsync<MediaToolException>(
            () => media.Probe.ProbeAsync(Path.Combine(media.TempDirectory, "nowhere.mkv"), Token));

        exception.Code.ShouldBe(MediaToolException.FileNotFound);
    }

    [Fact]
    public async Task ProbingATextFileNamedMkvSaysTheFileCannotBeRead()
    {
        var path = Path.Combine(Directory.CreateDirectory(media.TempDirectory).FullName, $"{Guid.NewGuid():N}.mkv");
        await File.WriteAllTextAsync(path, "this is not a video", Token);

        var exception = await Should.ThrowAsync<MediaToolException>(() => media.Probe.ProbeAsync(path, Token));

        exception.Code.ShouldBe(MediaToolException.UnreadableFile);
        exception.Message.ShouldContain(path);
    }

    [Fact]
    public async Task ProbingWithoutFfprobeNamesTheMissingTool()
    {
        var empty = Directory.CreateDirectory(Path.Combine(media.TempDirectory, $"bin-{Guid.NewGuid():N}"));
        var probe = new MediaProbe(Options.Create(new MediaOptions { BinaryFolder = empty.FullName, TempDirectory = media.TempDirectory }),
            NullLogger<MediaProbe>.Instance);

        var exception = await Should.ThrowAsync<MediaToolException>(() => probe.ProbeAsync(media.Mkv, Token));

        exception.Code.ShouldBe(MediaToolException.ToolMissing);
        exception.Message.ShouldContain("ffprobe");
    }
}
