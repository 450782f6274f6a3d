using System.Globalization;
using System.Security;

namespace FluxCaption.Tests.Infrastructure;

/// <summary>
/// Videos whose only audio is real speech: espeak-ng says the sentences (with a pause after each), and
/// ffmpeg puts that audio beside a small test picture, with no subtitle track, as a user's file would be.
/// </summary>
internal static class SpokenMedia
{
    /// <summary>Writes the video to <paramref name="path"/> and returns its audio length in seconds.</summary>
    /// <param name="language">ISO 639-2 tag of the audio stream, or null for none.</param>
    public static async Task<double> CreateVideoAsync(string path, IReadOnlyList<string> sentences, string? language = "eng", int pauseMilliseconds = 1000)
    {
        var work = Directory.CreateTempSubdirectory("fluxcaption-spoken-");
        try
        {
            var speech = Path.Combine(work.FullName, "speech.wav");
            // SSML breaks give silences ffmpeg's silencedetect finds, where the speech windows are cut.
            var ssml = "<speak>" + string.Concat(sentences.Select(sentence =>
                $"{SecurityElement.Escape(sentence)}<break time=\"{pauseMilliseconds.ToString(CultureInfo.InvariantCulture)}ms\"/>")) + "</speak>";
            await ChildProcess.RunAsync("espeak-ng", ["-m", "-v", "en", "-w", speech, ssml]);
            var seconds = (new FileInfo(speech).Length - 44) / (22050.0 * 2);
            var arguments = new List<string>
            {
                "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", $"testsrc=size=160x120:rate=5:duration={seconds.ToString("0.###", CultureInfo.InvariantCulture)}",
                "-i", speech, "-map", "0", "-map", "1", "-c:v", "mpeg4", "-q:v", "10", "-c:a", "aac", "-b:a", "48k",
            };
            if (language is not null)
            {
                arguments.AddRange(["-metadata:s:a:0", $"language={language}"]);
            }

            arguments.Add(path);
            await ChildProcess.RunAsync("ffmpeg", arguments, timeout: TimeSpan.FromSeconds(120));
            return seconds;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
