using System.Globalization;
using System.Text.Json;

namespace FluxCaption.Core.Jobs;

/// <summary>The translate stage's checkpoint: translated cue text by cue index, as jsonb {"cues":{"0":"..."}}.</summary>
internal static class JobCheckpoint
{
    private sealed record Shape(Dictionary<string, string>? Cues);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Dictionary<int, string> ReadCues(string? checkpoint)
    {
        if (string.IsNullOrWhiteSpace(checkpoint))
        {
            return [];
        }

        var shape = JsonSerializer.Deserialize<Shape>(checkpoint, Json);
        return (shape?.Cues ?? []).ToDictionary(pair => int.Parse(pair.Key, CultureInfo.InvariantCulture), pair => pair.Value);
    }

    public static string Write(IReadOnlyDictionary<int, string> cues) =>
        JsonSerializer.Serialize(
            new Shape(cues.OrderBy(pair => pair.Key).ToDictionary(pair => pair.Key.ToString(CultureInfo.InvariantCulture), pair => pair.Value)),
            Json);
}
