using System.Globalization;
using System.Text.Json.Nodes;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

/// <summary>The scripted server's media scanner and subtitle extractor: the machine's ffprobe and ffmpeg on real files.</summary>
internal static class ScriptedJellyfinProbe
{
    public static async Task<(TimeSpan Duration, IReadOnlyList<ScriptedJellyfinStream> Streams)> ProbeAsync(string videoPath)
    {
        var json = JsonNode.Parse(await RunForOutputAsync("ffprobe", ["-v", "error", "-show_streams", "-show_format", "-of", "json", videoPath]))!;
        var duration = double.Parse((string?)json["format"]?["duration"] ?? "0", CultureInfo.InvariantCulture);
        var streams = new List<ScriptedJellyfinStream>();
        foreach (var stream in json["streams"]!.AsArray())
        {
            var type = (string?)stream!["codec_type"] switch
            {
                "video" => "Video",
                "audio" => "Audio",
                "subtitle" => "Subtitle",
                _ => null,
            };
            if (type is null)
            {
                continue;
            }

            var codec = (string?)stream["codec_name"];
            var disposition = stream["disposition"];
            streams.Add(new ScriptedJellyfinStream
            {
                Type = type,
                Codec = codec,
                Language = (string?)stream["tags"]?["language"],
                Title = (string?)stream["tags"]?["title"],
                IsForced = Flag(disposition, "forced"),
                IsHearingImpaired = Flag(disposition, "hearing_impaired"),
                IsDefault = Flag(disposition, "default"),
                IsText = type == "Subtitle" && codec is "subrip" or "ass" or "ssa" or "webvtt" or "mov_text" or "text",
                FileIndex = (int)stream["index"]!,
            });
        }

        return (TimeSpan.FromSeconds(duration), streams);
    }

    /// <summary>One stream of a real file in <paramref name="format"/> (srt, ass, webvtt, ttml), as Jellyfin extracts it.</summary>
    public static Task<byte[]> ExtractAsync(string videoPath, int fileIndex, string format) =>
        FfmpegToBytesAsync(["-i", videoPath, "-map", "0:" + fileIndex.ToString(CultureInfo.InvariantCulture)], format);

    /// <summary>Converts subtitle bytes from one text format to another with ffmpeg.</summary>
    public static async Task<byte[]> ConvertAsync(byte[] content, string fromExtension, string format)
    {
        var input = Path.Combine(Path.GetTempPath(), $"fluxcaption-jellyfin-{Guid.NewGuid():N}.{fromExtension}");
        await File.WriteAllBytesAsync(input, content);
        try
        {
            return await FfmpegToBytesAsync(["-i", input], format);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static async Task<byte[]> FfmpegToBytesAsync(IEnumerable<string> input, string format)
    {
        var output = Path.Combine(Path.GetTempPath(), $"fluxcaption-jellyfin-{Guid.NewGuid():N}.out");
        try
        {
            await ChildProcess.RunAsync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", .. input, "-f", format, output]);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static bool Flag(JsonNode? disposition, string name) => (int?)disposition?[name] == 1;

    private static async Task<string> RunForOutputAsync(string fileName, IEnumerable<string> arguments)
    {
        using var process = ChildProcess.Start(fileName, arguments, asUser: null, redirect: true);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"{fileName} exited with {process.ExitCode}: {await stderr}");
    }
}
