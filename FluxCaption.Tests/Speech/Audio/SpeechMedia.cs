using System.Globalization;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Speech.Audio;

/// <summary>One piece of generated audio: espeak-ng saying <see cref="Text"/>, or digital silence.</summary>
internal sealed record AudioPart(string? Text, double SilenceSeconds, string Voice = "en")
{
    public static AudioPart Say(string text, string voice = "en") => new(text, 0, voice);

    public static AudioPart Silence(double seconds) => new(null, seconds);
}

/// <summary>Real audio and video files for the speech tests: espeak-ng speech and anullsrc silences, joined by ffmpeg.</summary>
internal static class SpeechMedia
{
    /// <summary>Writes the parts one after another into a mono WAV at espeak-ng's 22.05 kHz; returns each part's start and end.</summary>
    public static async Task<List<(double Start, double End)>> CreateAudioAsync(string path, IReadOnlyList<AudioPart> parts)
    {
        var work = Directory.CreateTempSubdirectory("fluxcaption-speech-");
        try
        {
            var arguments = new List<string> { "-hide_banner", "-loglevel", "error", "-y" };
            for (var i = 0; i < parts.Count; i++)
            {
                var piece = Path.Combine(work.FullName, $"part{i}.wav");
                if (parts[i].Text is { } text)
                {
                    await ChildProcess.RunAsync("espeak-ng", ["-v", parts[i].Voice, "-w", piece, text]);
                }
                else
                {
                    await ChildProcess.RunAsync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                        "-i", "anullsrc=r=22050:cl=mono", "-t", Seconds(parts[i].SilenceSeconds), "-c:a", "pcm_s16le", piece]);
                }

                arguments.AddRange(["-i", piece]);
            }

            var inputs = string.Concat(Enumerable.Range(0, parts.Count).Select(i => $"[{i}:a]"));
            arguments.AddRange(["-filter_complex", $"{inputs}concat=n={parts.Count}:v=0:a=1,aresample=22050,aformat=channel_layouts=mono[a]",
                "-map", "[a]", "-c:a", "pcm_s16le", path]);
            var bounds = new List<(double, double)>();
            var at = 0.0;
            for (var i = 0; i < parts.Count; i++)
            {
                var length = Wav.DurationSeconds(Path.Combine(work.FullName, $"part{i}.wav"));
                bounds.Add((at, at + length));
                at += length;
            }

            await ChildProcess.RunAsync("ffmpeg", arguments, timeout: TimeSpan.FromSeconds(120));
            return bounds;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A Matroska video (test picture) with the given audio tracks, each from its own WAV file, with its
    /// language, title and disposition; an offset delays that track against the picture.
    /// </summary>
    public static async Task CreateVideoAsync(string path, double seconds, IReadOnlyList<TestAudioTrack> tracks)
    {
        var arguments = new List<string> { "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", $"testsrc=size=160x120:rate=10:duration={Seconds(seconds)}" };
        foreach (var track in tracks)
        {
            if (track.Offset > 0)
            {
                arguments.AddRange(["-itsoffset", Seconds(track.Offset)]);
            }

            arguments.AddRange(["-i", track.WavPath]);
        }

        arguments.AddRange(["-map", "0:v"]);
        for (var i = 0; i < tracks.Count; i++)
        {
            arguments.AddRange(["-map", $"{i + 1}:a"]);
        }

        // FLAC keeps every sample and adds no encoder delay, so offsets and lengths are exact.
        arguments.AddRange(["-c:v", "mpeg4", "-q:v", "10", "-c:a", "flac"]);
        for (var i = 0; i < tracks.Count; i++)
        {
            var track = tracks[i];
            if (track.Language is not null)
            {
                arguments.AddRange([$"-metadata:s:a:{i}", $"language={track.Language}"]);
            }

            if (track.Title is not null)
            {
                arguments.AddRange([$"-metadata:s:a:{i}", $"title={track.Title}"]);
            }

            arguments.AddRange([$"-disposition:a:{i}", track.Disposition ?? "0"]);
        }

        arguments.Add(path);
        await ChildProcess.RunAsync("ffmpeg", arguments, timeout: TimeSpan.FromSeconds(120));
    }

    /// <summary>A video with a picture and no audio at all.</summary>
    public static Task CreateSilentVideoAsync(string path) =>
        ChildProcess.RunAsync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=2",
            "-c:v", "mpeg4", "-q:v", "10", path], timeout: TimeSpan.FromSeconds(60));

    /// <summary>A tone of the given length, for tracks whose content only needs to be told apart by length.</summary>
    public static Task CreateToneAsync(string path, double seconds, int frequency = 440) =>
        ChildProcess.RunAsync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
            "-i", $"sine=frequency={frequency}:sample_rate=22050:duration={Seconds(seconds)}", "-c:a", "pcm_s16le", path]);

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <param name="Disposition">ffmpeg disposition flags ("default", "comment", "visual_impaired"), or null for none.</param>
internal sealed record TestAudioTrack(string WavPath, string? Language, string? Title = null, string? Disposition = null, double Offset = 0);
