using System.Text.Json;

namespace FluxCaption.Core.Translation.Glossary;

/// <summary>
/// The per-job glossary as stored in jobs.glossary (jsonb): an array of
/// {"source": "...", "target": "...", "caseSensitive": false}.
/// </summary>
public static class GlossaryJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string? Serialize(IReadOnlyList<GlossaryTerm>? terms) =>
        terms is null || terms.Count == 0 ? null : JsonSerializer.Serialize(terms, Options);

    /// <exception cref="JsonException">The text is not such an array.</exception>
    public static IReadOnlyList<GlossaryTerm> Parse(string? json) =>
        string.IsNullOrWhiteSpace(json)
            ? []
            : JsonSerializer.Deserialize<List<GlossaryTerm>>(json, Options)?
                .Where(term => term is not null && !string.IsNullOrWhiteSpace(term.Source) && !string.IsNullOrWhiteSpace(term.Target))
                .ToList() ?? [];
}
