using System.Text.Json;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Media;

public sealed class TestMediaTests
{
    [Fact]
    public async Task AGeneratedMkvCarriesItsSubtitleTracksWithLanguagesAndFlags()
    {
        var directory = Directory.CreateTempSubdirectory("fluxcaption-testmedia-");
        try
        {
            var path = await TestMedia.CreateVideoAsync(Path.Combine(directory.FullName, "film.mkv"),
            [
                new TestSubtitleTrack("eng", "srt", TestMedia.SampleSrt) { IsDefault = true },
                new TestSubtitleTrack("fre", "ass", TestMedia.SampleAss) { IsForced = true, Title = "Forced" },
                new TestSubtitleTrack("ger", "vtt", "WEBVTT\n\n00:00.500 --> 00:01.500\nHallo.\n") { IsHearingImpaired = true },
            ], ["eng", "jpn"]);

            var streams = await ProbeStreamsAsync(path);

            streams.Select(stream => (stream.Type, stream.Codec, stream.Language)).ShouldBe(
            [
                ("video", "mpeg4", null), ("audio", "aac", "eng"), ("audio", "aac", "jpn"),
                ("subtitle", "subrip", "eng"), ("subtitle", "ass", "fre"), ("subtitle", "webvtt", "ger"),
            ]);
            streams[4].Forced.ShouldBeTrue();
            streams[5].HearingImpaired.ShouldBeTrue();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AGeneratedMp4StoresTextTracksAsMovText()
    {
        var directory = Directory.CreateTempSubdirectory("fluxcaption-testmedia-");
        try
        {
            var path = await TestMedia.CreateVideoAsync(Path.Combine(directory.FullName, "clip.mp4"),
                [new TestSubtitleTrack("spa", "srt", TestMedia.SampleSrt)]);

            var streams = await ProbeStreamsAsync(path);

            streams.Last().ShouldBe(new ProbedStream("subtitle", "mov_text", "spa", false, false));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed record ProbedStream(string Type, string Codec, string? Language, bool Forced, bool HearingImpaired);

    private static async Task<List<ProbedStream>> ProbeStreamsAsync(string path)
    {
        using var process = ChildProcess.Start("ffprobe",
            ["-v", "error", "-show_streams", "-of", "json", path], asUser: null, redirect: true);
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("streams").EnumerateArray().Select(stream => new ProbedStream(
            stream.GetProperty("codec_type").GetString()!,
            stream.GetProperty("codec_name").GetString()!,
            stream.TryGetProperty("tags", out var tags) && tags.TryGetProperty("language", out var language) ? language.GetString() : null,
            stream.GetProperty("disposition").GetProperty("forced").GetInt32() == 1,
            stream.GetProperty("disposition").GetProperty("hearing_impaired").GetInt32() == 1)).ToList();
    }
}
