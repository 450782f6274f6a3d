using System.Globalization;
using FluxCaption.Core.Languages;
using FluxCaption.Core.Translation.Memory;

namespace FluxCaption.Api.Apis.Memory;

/// <summary>
/// Turns a TMX unit into memory entries: one per variant that is not in the unit's source language.
/// The source text is normalised and hashed exactly as a job keys its lines, so imported entries are
/// found by jobs of the same pair, engine and model.
/// </summary>
public static class TmxUnitEntries
{
    public static IEnumerable<ImportedEntry> From(TmxUnit unit, string fallbackEngine, string fallbackModel, Action<string> skip)
    {
        var (source, sourceText) = SourceOf(unit);
        if (source is null)
        {
            skip($"Unit {unit.Index}: no tuv in its source language '{unit.SourceLanguage}' (or the code is unknown).");
            yield break;
        }

        var normalized = TranslationMemoryKey.Normalize(sourceText!);
        if (normalized.Length == 0)
        {
            skip($"Unit {unit.Index}: the source text is empty.");
            yield break;
        }

        var engine = string.IsNullOrWhiteSpace(unit.Engine) ? fallbackEngine : unit.Engine.Trim().ToLowerInvariant();
        var model = unit.Model?.Trim() ?? fallbackModel;
        if (engine.Length > 64 || model.Length > 200)
        {
            skip($"Unit {unit.Index}: its engine or model name is too long (engine 64, model 200 characters).");
            yield break;
        }

        var hash = TranslationMemoryKey.Hash(normalized);
        foreach (var (language, text) in unit.Variants)
        {
            if (!LanguageCodes.TryNormalize(language, out var target))
            {
                skip($"Unit {unit.Index}: '{language}' is not a language code FluxCaption knows.");
                continue;
            }

            var targetText = text.Trim();
            if (target == source)
            {
                continue;
            }

            if (targetText.Length == 0)
            {
                skip($"Unit {unit.Index}: the {target} text is empty.");
                continue;
            }

            yield return new ImportedEntry(
                source, target, hash, engine, model, normalized, targetText,
                string.IsNullOrWhiteSpace(unit.KeptReason) ? null : unit.KeptReason.Trim(),
                Date(unit.CreationDate), Date(unit.ChangeDate));
        }
    }

    /// <summary>The first variant in the unit's source language; with srclang "*all*" the first variant is the source.</summary>
    private static (string? Language, string? Text) SourceOf(TmxUnit unit)
    {
        if (unit.SourceLanguage == "*all*")
        {
            return LanguageCodes.TryNormalize(unit.Variants[0].Language, out var first) ? (first, unit.Variants[0].Text) : (null, null);
        }

        if (!LanguageCodes.TryNormalize(unit.SourceLanguage, out var source))
        {
            return (null, null);
        }

        foreach (var (language, text) in unit.Variants)
        {
            if (LanguageCodes.TryNormalize(language, out var canonical) && canonical == source)
            {
                return (source, text);
            }
        }

        return (null, null);
    }

    private static DateTimeOffset? Date(string? tmxDate) =>
        DateTimeOffset.TryParseExact(tmxDate, TmxWriter.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;
}
