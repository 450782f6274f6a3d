using System.Text.RegularExpressions;
using FluxCaption.Core.Languages;

namespace FluxCaption.Core.Translation.Apertium;

/// <summary>
/// Maps apertium's mode names (ISO 639-3 codes with optional variants: "eng-spa", "spa-eng_US",
/// "spa-por_BR", "cat_valencia-spa") to canonical tag pairs, and picks the mode for a wanted pair.
/// </summary>
internal static partial class ApertiumModes
{
    /// <summary>Installed pairs from the output of "apertium -l"; lines that are not plain pair modes are ignored.</summary>
    public static IReadOnlyList<ApertiumPair> ParseListing(string listing)
    {
        var pairs = new List<ApertiumPair>();
        foreach (var line in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = ModeName().Match(line);
            if (match.Success
                && TryToCanonical(match.Groups["source"].Value, out var source)
                && TryToCanonical(match.Groups["target"].Value, out var target)
                && source != target)
            {
                pairs.Add(new ApertiumPair(line, source, target));
            }
        }

        return pairs;
    }

    /// <summary>"eng" -> "en", "eng_US" -> "en", "por_BR" -> "pt-BR", "cat_valencia" -> "ca".</summary>
    public static bool TryToCanonical(string apertiumCode, out string canonical)
    {
        var separator = apertiumCode.IndexOf('_', StringComparison.Ordinal);
        if (separator > 0 && LanguageCodes.TryNormalize(apertiumCode.Replace('_', '-'), out canonical))
        {
            return true;
        }

        var language = separator > 0 ? apertiumCode[..separator] : apertiumCode;
        return LanguageCodes.TryNormalize(language, out canonical);
    }

    /// <summary>
    /// The mode for a pair of canonical tags, or null. A source variant falls back to its language
    /// (es-419 text is read by spa-eng); a target variant must be installed as such. Among modes that
    /// map to the same pair the plain one wins ("spa-eng" over "spa-eng_US").
    /// </summary>
    public static ApertiumPair? Find(IReadOnlyList<ApertiumPair> pairs, string sourceLanguage, string targetLanguage)
    {
        if (!LanguageCodes.TryNormalize(sourceLanguage, out var source)
            || !LanguageCodes.TryNormalize(targetLanguage, out var target))
        {
            return null;
        }

        return Best(pairs, source, target)
            ?? (RegionalFallback(source) is { } fallback ? Best(pairs, fallback, target) : null);
    }

    private static ApertiumPair? Best(IReadOnlyList<ApertiumPair> pairs, string source, string target) =>
        pairs.Where(p => p.SourceLanguage == source && p.TargetLanguage == target)
            .OrderBy(p => p.Mode.Contains('_', StringComparison.Ordinal))
            .ThenBy(p => p.Mode.Length)
            .ThenBy(p => p.Mode, StringComparer.Ordinal)
            .FirstOrDefault();

    // "pt-BR" -> "pt", "es-419" -> "es"; script variants (zh-Hant, sr-Latn) have no plain language to fall back to.
    private static string? RegionalFallback(string canonical)
    {
        var dash = canonical.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return null;
        }

        var language = canonical[..dash];
        return LanguageCodes.CanonicalTags.Contains(language) ? language : null;
    }

    [GeneratedRegex(@"^(?<source>[a-z]{2,3}(?:_[A-Za-z0-9]+)?)-(?<target>[a-z]{2,3}(?:_[A-Za-z0-9]+)?)$")]
    private static partial Regex ModeName();
}
