using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

internal sealed partial class ScriptedJellyfinServer
{
    private static readonly HashSet<string> UploadFormats = new(StringComparer.Ordinal) { "ass", "mks", "sami", "smi", "srt", "ssa", "sub", "sup", "vtt" };

    private readonly ConcurrentDictionary<(string ItemId, int FileIndex, string Format), byte[]> _extracted = new();

    /// <summary>The bytes of a file the server wrote or read (on disk or virtual); null when there is none.</summary>
    public byte[]? ReadFile(string path)
    {
        lock (_gate)
        {
            if (_virtualFiles.TryGetValue(path, out var content))
            {
                return content;
            }
        }

        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    private async Task<IResult> DownloadSubtitleAsync(string id, string mediaSourceId, int index, string format)
    {
        var item = FindItem(id);
        ScriptedJellyfinStream? stream;
        lock (_gate)
        {
            var streams = item?.Streams();
            stream = streams is not null && index >= 0 && index < streams.Count ? streams[index] : null;
        }

        // What a real 12.0 server answers (seen): an unknown item is a 400, an index that is out of range
        // or not a subtitle fails inside the server with a 500.
        if (item is null)
        {
            return Results.BadRequest("Error processing request.");
        }

        if (stream is null || stream.Type != "Subtitle")
        {
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, detail: "Sequence contains no matching element");
        }

        var muxer = format.ToLowerInvariant() switch
        {
            "srt" => "srt",
            "vtt" => "webvtt",
            "ass" or "ssa" => "ass",
            "ttml" => "ttml",
            _ => null,
        };
        if (muxer is null || !stream.IsText)
        {
            return Results.BadRequest($"Cannot convert subtitle stream {index} ({stream.Codec}) to {format}.");
        }

        var bytes = await SubtitleBytesAsync(item, stream, format.ToLowerInvariant(), muxer);
        return Results.Bytes(bytes, format == "vtt" ? "text/vtt" : "text/plain; charset=utf-8");
    }

    // Asked in its own format a stream comes back byte for byte; otherwise it is converted (ffmpeg, as Jellyfin does).
    private async Task<byte[]> SubtitleBytesAsync(ScriptedJellyfinItem item, ScriptedJellyfinStream stream, string format, string muxer)
    {
        if (stream.IsExternal)
        {
            var content = ReadFile(stream.Path!) ?? [];
            var extension = Path.GetExtension(stream.Path!).TrimStart('.').ToLowerInvariant();
            return extension == format ? content : await ScriptedJellyfinProbe.ConvertAsync(content, extension, muxer);
        }

        if (stream.Content is { } text)
        {
            return stream.ContentFormat == format ? text : await ScriptedJellyfinProbe.ConvertAsync(text, stream.ContentFormat!, muxer);
        }

        var fileIndex = stream.FileIndex!.Value;
        if (_extracted.TryGetValue((item.Id, fileIndex, muxer), out var cached))
        {
            return cached;
        }

        var extracted = await ScriptedJellyfinProbe.ExtractAsync(item.Path, fileIndex, muxer);
        _extracted[(item.Id, fileIndex, muxer)] = extracted;
        return extracted;
    }

    private async Task<IResult> UploadSubtitleAsync(string id, HttpContext context)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest("The request body is not JSON.");
        }

        if (!TryString(body, "Language", out var language) || language.Length == 0 || language.Contains('/') || language.Contains('\\')
            || !TryString(body, "Format", out var format) || !UploadFormats.Contains(format)
            || !OptionalBool(body, "IsForced", out var forced) || !OptionalBool(body, "IsHearingImpaired", out var hearingImpaired)
            || !TryString(body, "Data", out var data))
        {
            return Results.BadRequest("Language, Format (ass, mks, sami, smi, srt, ssa, sub, sup, vtt) and Data are required.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(data);
        }
        catch (FormatException)
        {
            // 12.0 does not validate the base64 first: the decoder throws inside the server (seen).
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, detail: "The input is not a valid Base-64 string.");
        }

        var item = FindItem(id);
        if (item is null)
        {
            return Results.NotFound();
        }

        lock (_gate)
        {
            var path = FreeSidecarPath(item, language.ToLowerInvariant(), forced, hearingImpaired, format);
            if (Directory.Exists(Path.GetDirectoryName(path)))
            {
                File.WriteAllBytes(path, bytes);
            }
            else
            {
                _virtualFiles[path] = bytes;
            }
        }

        // Jellyfin queues its own refresh and answers at once: the stream appears a moment later.
        _ = RefreshLaterAsync(item, UploadVisibilityDelay);
        return Results.NoContent();
    }

    private async Task<IResult> DeleteSubtitleAsync(string id, int index)
    {
        var item = FindItem(id);
        ScriptedJellyfinStream? stream;
        lock (_gate)
        {
            var streams = item?.Streams();
            stream = streams is not null && index >= 0 && index < streams.Count ? streams[index] : null;
        }

        if (item is null)
        {
            return Results.NotFound();
        }

        // An index out of range, not a subtitle, or an embedded stream: 400 on 12.0 (seen).
        if (stream is null || !stream.IsExternal || stream.Type != "Subtitle")
        {
            return Results.BadRequest("Cannot delete subtitles that are not external.");
        }

        lock (_gate)
        {
            if (!_virtualFiles.Remove(stream.Path!))
            {
                File.Delete(stream.Path!);
            }
        }

        await Task.Delay(DeleteDelay, _stopping.Token);
        RefreshNow(item);
        return Results.NoContent();
    }

    // Called under _gate: "<base>.<lang>[.forced][.sdh].<fmt>", or ".0.", ".1."... when that file exists (never overwritten).
    private string FreeSidecarPath(ScriptedJellyfinItem item, string language, bool forced, bool hearingImpaired, string format)
    {
        var folder = Path.GetDirectoryName(item.Path)!;
        var stem = Path.GetFileNameWithoutExtension(item.Path) + "." + language + (forced ? ".forced" : "") + (hearingImpaired ? ".sdh" : "");
        var path = Path.Combine(folder, $"{stem}.{format}");
        for (var counter = 0; File.Exists(path) || _virtualFiles.ContainsKey(path); counter++)
        {
            path = Path.Combine(folder, $"{stem}.{counter}.{format}");
        }

        return path;
    }

    private static bool TryString(JsonElement body, string name, out string value)
    {
        value = "";
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String)
        {
            value = property.GetString()!;
            return true;
        }

        return false;
    }

    // IsForced and IsHearingImpaired may be left out on 12.0 (false then), but not sent as anything other than a boolean.
    private static bool OptionalBool(JsonElement body, string name, out bool value)
    {
        value = false;
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (property.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            value = property.GetBoolean();
            return true;
        }

        return false;
    }
}
