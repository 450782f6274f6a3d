using System.Text.Json;

namespace FluxCaption.Core.Translation.Output;

/// <summary>
/// The job's warnings column: a JSON array of {cueIndex, code, message} (plus engine on a
/// fallback_engine warning), cue warnings in cue order,
/// then the warnings about the whole document with a null cue index. Null when there is nothing to say.
/// </summary>
public static class TranslationWarningsJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string? Write(SubtitleTranslationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var entries = result.Warnings.Select(w => new Entry(w.CueIndex, w.Code, w.Message) { Engine = w.Engine })
            .Concat(result.DocumentWarnings.Select(w => new Entry(null, w.Code, w.Message)))
            .ToList();
        return entries.Count == 0 ? null : JsonSerializer.Serialize(entries, Json);
    }

    /// <summary>
    /// Whether the stored warnings say some lines kept their source text (each with kept_source, or
    /// together under one engine_stopped warning): what a retry with retranslateKept would ask again.
    /// </summary>
    public static bool HasKeptLines(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Array
                && document.RootElement.EnumerateArray().Any(entry => entry.ValueKind == JsonValueKind.Object
                    && entry.TryGetProperty("code", out var code)
                    && code.GetString() is "kept_source" or SubtitleTranslator.EngineStopped);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record Entry(int? CueIndex, string Code, string Message)
    {
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? Engine { get; init; }
    }
}
