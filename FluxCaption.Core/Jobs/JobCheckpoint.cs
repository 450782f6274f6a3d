using System.Globalization;
using System.Text.Json;
using FluxCaption.Core.Translation;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// The translate stage's checkpoint as jsonb: translated cue text by cue index and the warnings
/// already decided, {"cues":{"0":"..."},"warnings":[{"cueIndex":3,"code":"kept_source","message":"..."}]}.
/// A cue with a kept_source warning and no text was kept in the source on purpose: a resumed attempt
/// does not send it again. Checkpoints written before warnings were kept simply have none.
/// </summary>
internal static class JobCheckpoint
{
    public const string KeptSourceCode = "kept_source";

    private sealed record Shape(Dictionary<string, string>? Cues, List<TranslationWarning>? Warnings = null);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Dictionary<int, string> ReadCues(string? checkpoint) => Read(checkpoint).Cues;

    public static TranslateCheckpoint Read(string? checkpoint)
    {
        if (string.IsNullOrWhiteSpace(checkpoint))
        {
            return new TranslateCheckpoint([], []);
        }

        var shape = JsonSerializer.Deserialize<Shape>(checkpoint, Json);
        var cues = (shape?.Cues ?? []).ToDictionary(pair => int.Parse(pair.Key, CultureInfo.InvariantCulture), pair => pair.Value);
        return new TranslateCheckpoint(cues, shape?.Warnings?.Where(w => w is not null).ToList() ?? []);
    }

    public static string Write(IReadOnlyDictionary<int, string> cues, IReadOnlyList<TranslationWarning>? warnings = null) =>
        JsonSerializer.Serialize(
            new Shape(
                cues.OrderBy(pair => pair.Key).ToDictionary(pair => pair.Key.ToString(CultureInfo.InvariantCulture), pair => pair.Value),
                warnings is null || warnings.Count == 0 ? null : [.. warnings.OrderBy(w => w.CueIndex)]),
            Json);
}

/// <summary>What an interrupted translate stage had finished: cue texts and the warnings decided so far.</summary>
internal sealed record TranslateCheckpoint(Dictionary<int, string> Cues, List<TranslationWarning> Warnings)
{
    /// <summary>Cues kept in the source language on purpose: a warning says so and no translation exists.</summary>
    public HashSet<int> KeptSourceCues =>
        [.. Warnings.Where(w => w.Code == JobCheckpoint.KeptSourceCode && !Cues.ContainsKey(w.CueIndex)).Select(w => w.CueIndex)];
}
