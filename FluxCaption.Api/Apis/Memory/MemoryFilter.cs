using FluxCaption.Core.Data;
using FluxCaption.Core.Languages;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis.Memory;

/// <summary>
/// The filter every memory endpoint shares (list, counts, delete, export): language pair, engine,
/// model and a text that the source or the target contains. Empty parts match everything; model ""
/// is a real value (the engine's default model), so "model" is only a filter when the parameter is sent.
/// </summary>
public sealed record MemoryFilter(string? SourceLanguage, string? TargetLanguage, string? Engine, string? Model, string? Search)
{
    public bool IsEmpty => SourceLanguage is null && TargetLanguage is null && Engine is null && Model is null && Search is null;

    /// <summary>Reads the query string; unknown language codes are errors named by their parameter.</summary>
    public static MemoryFilter Read(HttpRequest request, Dictionary<string, string[]> errors)
    {
        var query = request.Query;
        string? Text(string name) => string.IsNullOrWhiteSpace(query[name]) ? null : query[name].ToString().Trim();
        return new MemoryFilter(
            Language(Text("sourceLanguage"), "sourceLanguage", errors),
            Language(Text("targetLanguage"), "targetLanguage", errors),
            Text("engine")?.ToLowerInvariant(),
            query.ContainsKey("model") ? query["model"].ToString().Trim() : null,
            Text("search"));
    }

    public IQueryable<TranslationMemoryEntry> Apply(IQueryable<TranslationMemoryEntry> query)
    {
        query = SourceLanguage is null ? query : query.Where(e => e.SourceLang == SourceLanguage);
        query = TargetLanguage is null ? query : query.Where(e => e.TargetLang == TargetLanguage);
        query = Engine is null ? query : query.Where(e => e.Engine == Engine);
        query = Model is null ? query : query.Where(e => e.Model == Model);
        if (Search is not null)
        {
            var pattern = $"%{Search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(e => EF.Functions.ILike(e.SourceText, pattern, "\\") || EF.Functions.ILike(e.TargetText, pattern, "\\"));
        }

        return query;
    }

    private static string? Language(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (LanguageCodes.TryNormalize(value, out var canonical))
        {
            return canonical;
        }

        errors[field] = [$"'{value}' is not a language code FluxCaption knows."];
        return null;
    }
}
