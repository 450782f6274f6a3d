using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FluxCaption.Tests.TestServers.ScriptedSpeech;

/// <summary>
/// What a test tells a scripted transcription server: what was said (<see cref="Utterances"/>), which
/// language it "detects", and how to answer the next requests; and what the server received.
/// </summary>
public sealed class TranscriptionScript
{
    private readonly ConcurrentQueue<TranscriptionBehaviour> _behaviours = new();
    private readonly ConcurrentQueue<RecordedTranscriptionRequest> _requests = new();

    /// <summary>What the audio says; times in seconds from the start of the upload.</summary>
    public IReadOnlyList<ScriptedUtterance> Utterances { get; set; } = [];

    /// <summary>The Whisper code the server reports when the request names no language.</summary>
    public string DetectedLanguage { get; set; } = "en";

    /// <summary>Used when nothing is enqueued.</summary>
    public TranscriptionBehaviour DefaultBehaviour { get; set; } = TranscriptionBehaviour.Normal;

    /// <summary>Waited before answering each transcription.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>The Retry-After of 429 and 503 answers (whole seconds, rounded up).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Uploads larger than this are refused with 413 (OpenAI's limit is 25 MB).</summary>
    public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<RecordedTranscriptionRequest> Requests => [.. _requests];

    /// <summary>Behaviours for the next transcriptions, one each, in order; afterwards <see cref="DefaultBehaviour"/>.</summary>
    public void Enqueue(params TranscriptionBehaviour[] behaviours)
    {
        foreach (var behaviour in behaviours)
        {
            _behaviours.Enqueue(behaviour);
        }
    }

    internal TranscriptionBehaviour Next() => _behaviours.TryDequeue(out var next) ? next : DefaultBehaviour;

    internal string FullText(double audioSeconds) =>
        string.Join(" ", Utterances.Where(u => u.Start < audioSeconds).Select(u => u.Text));

    internal IEnumerable<ScriptedUtterance> UtterancesWithin(double audioSeconds) =>
        Utterances.Where(u => u.Start < audioSeconds).Select(u => u with { End = Math.Min(u.End, audioSeconds) });

    /// <summary>Reads the multipart form (empty when the body is not one) and records the request.</summary>
    internal async Task<RecordedTranscriptionRequest> RecordAsync(
        HttpContext context, string fileField, Func<TranscriptionBehaviour?> behaviour, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        string? fileName = null;
        byte[]? file = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(cancellationToken);
            foreach (var (key, values) in form)
            {
                fields[key] = [.. values.Select(v => v ?? "")];
            }

            if (form.Files.GetFile(fileField) is { } upload)
            {
                fileName = upload.FileName;
                using var buffer = new MemoryStream();
                await upload.CopyToAsync(buffer, cancellationToken);
                file = buffer.ToArray();
            }
        }

        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var recorded = new RecordedTranscriptionRequest(
            context.Request.Path, query, fields, file is null ? null : fileField, fileName, file,
            context.Request.Headers.Authorization.FirstOrDefault(), behaviour());
        _requests.Enqueue(recorded);
        return recorded;
    }

    /// <summary>Answers a failure behaviour; false for the behaviours that are a transcript.</summary>
    internal async Task<bool> TryFailAsync(HttpContext context, TranscriptionBehaviour behaviour, Func<int, string, Task> writeError, CancellationToken cancellationToken)
    {
        await Task.Delay(Latency, cancellationToken);
        switch (behaviour)
        {
            case TranscriptionBehaviour.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return true;
            case TranscriptionBehaviour.DropConnection:
                context.Abort();
                return true;
            case TranscriptionBehaviour.ServerError:
                await writeError(StatusCodes.Status500InternalServerError, "The server had an error while processing the audio.");
                return true;
            case TranscriptionBehaviour.Unavailable or TranscriptionBehaviour.TooManyRequests:
                context.Response.Headers.RetryAfter = Math.Ceiling(RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                var status = behaviour == TranscriptionBehaviour.Unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests;
                await writeError(status, behaviour == TranscriptionBehaviour.Unavailable ? "The model is loading, try again shortly." : "Rate limit reached for requests.");
                return true;
            case TranscriptionBehaviour.MalformedJson:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"text\": \"Hello there\", \"segments\": [{\"id\": 0, \"start\": 0.0, \"end\"", cancellationToken);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Seconds of audio in a PCM WAV, as a server decoding it would find; null when it is not one.</summary>
    internal static double? WavSeconds(byte[] bytes, bool requireWhisperFormat)
    {
        if (bytes.Length < 44 || Encoding.ASCII.GetString(bytes, 0, 4) != "RIFF" || Encoding.ASCII.GetString(bytes, 8, 4) != "WAVE")
        {
            return null;
        }

        int rate = 0, channels = 0, bits = 0;
        for (var offset = 12; offset + 8 <= bytes.Length;)
        {
            var id = Encoding.ASCII.GetString(bytes, offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4));
            if (id == "fmt ")
            {
                channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 10));
                rate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 12));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 22));
            }
            else if (id == "data" && rate > 0 && channels > 0 && bits > 0)
            {
                if (requireWhisperFormat && (rate != 16_000 || channels != 1 || bits != 16))
                {
                    return null;
                }

                var length = Math.Min(size, bytes.Length - offset - 8);
                return length / (double)(rate * channels * (bits / 8));
            }

            offset += 8 + size + (size & 1);
        }

        return null;
    }
}
