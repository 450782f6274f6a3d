using System.Text.Json;
using FluxCaption.Core.Translation;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// Warnings about the source itself (hallucinations dropped, captions without text, an upload that
/// was not Unicode and had to be read in a guessed encoding),
/// carried in the job's warnings column from the asr stage into the translation, whose own warnings
/// would otherwise replace them. They are document warnings (no cue) with a <c>speech_</c>, <c>ocr_</c> or <c>encoding_</c> code.
/// </summary>
public static class SourceWarnings
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Entry(int? CueIndex, string Code, string Message);

    public static string? Write(IReadOnlyList<DocumentWarning> warnings) =>
        warnings.Count == 0 ? null : JsonSerializer.Serialize(warnings.Select(w => new Entry(null, w.Code, w.Message)), Json);

    public static IReadOnlyList<DocumentWarning> Read(string? warningsJson)
    {
        if (string.IsNullOrWhiteSpace(warningsJson))
        {
            return [];
        }

        try
        {
            return [.. (JsonSerializer.Deserialize<List<Entry>>(warningsJson, Json) ?? [])
                .Where(entry => entry is { CueIndex: null } && IsSourceCode(entry.Code))
                .Select(entry => new DocumentWarning(entry.Code, entry.Message))];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static bool IsSourceCode(string? code) =>
        code is not null && (code.StartsWith("speech_", StringComparison.Ordinal) || code.StartsWith("ocr_", StringComparison.Ordinal)
            || code.StartsWith("encoding_", StringComparison.Ordinal));
}
