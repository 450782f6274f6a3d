using System.Globalization;

namespace FluxCaption.Tests.Infrastructure;

/// <summary>A subtitle stream to embed in a generated video.</summary>
/// <param name="Language">ISO 639-2 tag written to the stream's metadata (eng, fre, chi...), or null for none.</param>
/// <param name="Format">The input file's format: srt, ass or vtt. MP4 files store every text track as mov_text.</param>
internal sealed record TestSubtitleTrack(string? Language, string Format, string Content)
{
    public bool IsForced { get; init; }

    public bool IsHearingImpaired { get; init; }

    public bool IsDefault { get; init; }

    public string? Title { get; init; }
}

/// <summary>
/// Real, small video files made with the machine's ffmpeg (testsrc picture, sine tone audio, embedded
/// subtitle tracks), so media tests probe and extract what a user's files would contain.
/// </summary>
internal static class TestMedia
{
    public const string SampleSrt = "1\n00:00:00,500 --> 00:00:01,500\nHello there.\n\n2\n00:00:01,600 --> 00:00:02,800\n<i>How are you?</i>\n";

    public const string SampleAss = """
        [Script Info]
        ScriptType: v4.00+
        PlayResX: 384
        PlayResY: 288

        [V4+ Styles]
        Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
        Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,2,10,10,10,1

        [Events]
        Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
        Dialogue: 0,0:00:00.50,0:00:01.50,Default,,0,0,0,,Bonjour {\i1}à tous{\i0}.
        Dialogue: 0,0:00:01.60,0:00:02.80,Default,,0,0,0,,Comment allez-vous ?

        """;

    /// <summary>
    /// Writes a video of <paramref name="seconds"/> seconds to <paramref name="path"/> (container from the extension:
    /// .mkv or .mp4) with one tone audio stream per entry of <paramref name="audioLanguages"/> and the given subtitles.
    /// </summary>
    public static async Task<string> CreateVideoAsync(
        string path, IReadOnlyList<TestSubtitleTrack> subtitles, IReadOnlyList<string?>? audioLanguages = null, double seconds = 3)
    {
        audioLanguages ??= ["eng"];
        var isMp4 = path.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase);
        var workDirectory = Directory.CreateTempSubdirectory("fluxcaption-media-");
        try
        {
            var duration = seconds.ToString(CultureInfo.InvariantCulture);
            var arguments = new List<string> { "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", $"testsrc=size=160x120:rate=10:duration={duration}" };
            for (var audio = 0; audio < audioLanguages.Count; audio++)
            {
                arguments.AddRange(["-f", "lavfi", "-i", $"sine=frequency={440 + (audio * 110)}:duration={duration}"]);
            }

            for (var subtitle = 0; subtitle < subtitles.Count; subtitle++)
            {
                var input = Path.Combine(workDirectory.FullName, $"track{subtitle}.{subtitles[subtitle].Format}");
                await File.WriteAllTextAsync(input, subtitles[subtitle].Content);
                arguments.AddRange(["-i", input]);
            }

            var inputCount = 1 + audioLanguages.Count + subtitles.Count;
            for (var input = 0; input < inputCount; input++)
            {
                arguments.AddRange(["-map", input.ToString(CultureInfo.InvariantCulture)]);
            }

            arguments.AddRange(["-c:v", "mpeg4", "-q:v", "10", "-c:a", "aac", "-b:a", "32k"]);
            for (var audio = 0; audio < audioLanguages.Count; audio++)
            {
                if (audioLanguages[audio] is { } language)
                {
                    arguments.AddRange([$"-metadata:s:a:{audio}", $"language={language}"]);
                }
            }

            for (var subtitle = 0; subtitle < subtitles.Count; subtitle++)
            {
                var track = subtitles[subtitle];
                arguments.AddRange([$"-c:s:{subtitle}", isMp4 ? "mov_text" : CodecFor(track.Format)]);
                if (track.Language is not null)
                {
                    arguments.AddRange([$"-metadata:s:s:{subtitle}", $"language={track.Language}"]);
                }

                if (track.Title is not null)
                {
                    arguments.AddRange([$"-metadata:s:s:{subtitle}", $"title={track.Title}"]);
                }

                arguments.AddRange([$"-disposition:s:{subtitle}", Disposition(track)]);
            }

            arguments.Add(path);
            await ChildProcess.RunAsync("ffmpeg", arguments, timeout: TimeSpan.FromSeconds(120));
            return path;
        }
        finally
        {
            workDirectory.Delete(recursive: true);
        }
    }

    private static string CodecFor(string format) => format switch
    {
        "srt" => "srt",
        "ass" or "ssa" => "ass",
        "vtt" => "webvtt",
        _ => throw new ArgumentException($"No subtitle codec for input format '{format}'.", nameof(format)),
    };

    private static string Disposition(TestSubtitleTrack track)
    {
        var flags = new List<string>();
        if (track.IsDefault)
        {
            flags.Add("default");
        }

        if (track.IsForced)
        {
            flags.Add("forced");
        }

        if (track.IsHearingImpaired)
        {
            flags.Add("hearing_impaired");
        }

        return flags.Count == 0 ? "0" : string.Join('+', flags);
    }
}
