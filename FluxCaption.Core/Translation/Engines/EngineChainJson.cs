using System.Text.Json;

namespace FluxCaption.Core.Translation.Engines;

/// <summary>A job's fallback chain as stored in jobs.fallback_engines (jsonb): [{"engine":"apertium","model":null}, ...].</summary>
public static class EngineChainJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string? Serialize(IReadOnlyList<EngineChoice>? chain) =>
        chain is null || chain.Count == 0 ? null : JsonSerializer.Serialize(chain, Options);

    /// <exception cref="JsonException">The text is not such an array.</exception>
    public static IReadOnlyList<EngineChoice> Parse(string? json) =>
        string.IsNullOrWhiteSpace(json)
            ? []
            : JsonSerializer.Deserialize<List<EngineChoice>>(json, Options)?
                .Where(choice => choice is not null && !string.IsNullOrWhiteSpace(choice.Engine))
                .Select(choice => new EngineChoice(
                    choice.Engine.Trim().ToLowerInvariant(),
                    string.IsNullOrWhiteSpace(choice.Model) ? null : choice.Model.Trim()))
                .ToList() ?? [];
}
