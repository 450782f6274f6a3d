using System.Globalization;
using System.Text.Json;

namespace FluxCaption.Core.Speech.Transcription;

/// <summary>
/// The speech windows of a transcript finished so far, as jsonb on the transcript row: each window's
/// segments in media time, by window index. Window plans are deterministic for the same audio, so a
/// resumed run (any worker) plans the same windows and skips the finished ones.
/// </summary>
public sealed record TranscriptProgress
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The engine and model the windows were made with: a different one starts over rather than mixing.</summary>
    public string? Engine { get; init; }

    public string? Model { get; init; }

    /// <summary>The language given or detected in the first window: later windows are asked in it.</summary>
    public string? Language { get; init; }

    public double AudioSeconds { get; init; }

    public Dictionary<string, List<TranscribedSegment>> Windows { get; init; } = [];

    public bool Has(int window) => Windows.ContainsKey(window.ToString(CultureInfo.InvariantCulture));

    public TranscriptProgress With(int window, IReadOnlyList<TranscribedSegment> segments)
    {
        var windows = new Dictionary<string, List<TranscribedSegment>>(Windows) { [window.ToString(CultureInfo.InvariantCulture)] = [.. segments] };
        return this with { Windows = windows };
    }

    /// <summary>Every finished window's segments in media-time order.</summary>
    public IReadOnlyList<TranscribedSegment> Segments() =>
        [.. Windows.OrderBy(pair => int.Parse(pair.Key, CultureInfo.InvariantCulture)).SelectMany(pair => pair.Value)];

    public string Write() => JsonSerializer.Serialize(this, Json);

    public static TranscriptProgress Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new TranscriptProgress();
        }

        try
        {
            return JsonSerializer.Deserialize<TranscriptProgress>(json, Json) ?? new TranscriptProgress();
        }
        catch (JsonException)
        {
            // An unreadable record of earlier work costs that work again, never the job.
            return new TranscriptProgress();
        }
    }
}
