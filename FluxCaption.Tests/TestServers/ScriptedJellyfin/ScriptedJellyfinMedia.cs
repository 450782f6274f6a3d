using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

/// <summary>
/// The generated videos a scripted Jellyfin library serves, made once per test run (ffmpeg takes a moment)
/// and copied into each test's own folder, so every test owns its files and may write sidecars beside them.
/// </summary>
internal static class ScriptedJellyfinMedia
{
    public const string GermanVtt = "WEBVTT\n\n00:00.500 --> 00:01.500\nHallo zusammen.\n\n00:01.600 --> 00:02.800\nWie geht es?\n";

    public const string SpanishSrt = "1\n00:00:00,500 --> 00:00:01,500\nHola a todos.\n\n2\n00:00:01,600 --> 00:00:02,800\n¿Cómo estás?\n";

    public const string ChineseSrt = "1\n00:00:00,500 --> 00:00:01,500\n大家好。\n\n2\n00:00:01,600 --> 00:00:02,800\n你好吗？\n";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static DirectoryInfo? _template;

    /// <summary>
    /// Copies into <paramref name="folder"/>: <c>Movie/Movie.mkv</c> (audio eng+jpn; subtitles eng subrip default,
    /// fre ass forced "Forced", ger webvtt SDH) with a human sidecar <c>Movie.spa.srt</c>, and
    /// <c>Clip/Clip.mp4</c> (mov_text: eng and chi; MP4 keeps no track titles).
    /// </summary>
    public static async Task<(string Movie, string Clip)> CopyToAsync(string folder)
    {
        var template = await TemplateAsync();
        foreach (var file in template.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(template.FullName, file.FullName));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            file.CopyTo(target);
        }

        return (Path.Combine(folder, "Movie", "Movie.mkv"), Path.Combine(folder, "Clip", "Clip.mp4"));
    }

    private static async Task<DirectoryInfo> TemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            var template = Directory.CreateTempSubdirectory("fluxcaption-jellyfin-media-");
            Directory.CreateDirectory(Path.Combine(template.FullName, "Movie"));
            Directory.CreateDirectory(Path.Combine(template.FullName, "Clip"));
            await TestMedia.CreateVideoAsync(Path.Combine(template.FullName, "Movie", "Movie.mkv"),
            [
                new TestSubtitleTrack("eng", "srt", TestMedia.SampleSrt) { IsDefault = true },
                new TestSubtitleTrack("fre", "ass", TestMedia.SampleAss) { IsForced = true, Title = "Forced" },
                new TestSubtitleTrack("ger", "vtt", GermanVtt) { IsHearingImpaired = true },
            ], ["eng", "jpn"]);
            await File.WriteAllTextAsync(Path.Combine(template.FullName, "Movie", "Movie.spa.srt"), SpanishSrt);
            await TestMedia.CreateVideoAsync(Path.Combine(template.FullName, "Clip", "Clip.mp4"),
            [
                new TestSubtitleTrack("eng", "srt", TestMedia.SampleSrt),
                new TestSubtitleTrack("chi", "srt", ChineseSrt),
            ]);
            _template = template;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Delete(recursive: true);
            return template;
        }
        finally
        {
            Gate.Release();
        }
    }
}
