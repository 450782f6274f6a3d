using System.Text.Json;
using FluxCaption.Core.Translation.Glossary;

namespace FluxCaption.Api.Apis;

/// <summary>
/// Reads the optional `glossary` form field of a translate upload. Two spellings are accepted: the
/// JSON the API returns (`[{"source": "Bob", "target": "Roberto", "caseSensitive": false}]`), or one
/// term a line as `source = target` (what a person types into a text box).
/// </summary>
public static class GlossaryFieldParser
{
    public const int MaxTerms = 500;
    public const int MaxTermLength = 200;

    public static bool TryParse(string? field, out IReadOnlyList<GlossaryTerm> terms, out string? error)
    {
        terms = [];
        error = null;
        if (string.IsNullOrWhiteSpace(field))
        {
            return true;
        }

        List<GlossaryTerm> parsed;
        if (field.TrimStart().StartsWith('['))
        {
            try
            {
                parsed = [.. GlossaryJson.Parse(field)];
            }
            catch (JsonException ex)
            {
                error = $"The glossary is not a JSON array of {{source, target}} terms: {ex.Message}";
                return false;
            }
        }
        else if (!TryParseLines(field, out parsed, out error))
        {
            return false;
        }

        if (parsed.Count > MaxTerms)
        {
            error = $"The glossary has {parsed.Count} terms; at most {MaxTerms} are accepted.";
            return false;
        }

        var tooLong = parsed.FirstOrDefault(t => t.Source.Length > MaxTermLength || t.Target.Length > MaxTermLength);
        if (tooLong is not null)
        {
            error = $"The glossary term '{Shorten(tooLong.Source)}' is longer than {MaxTermLength} characters.";
            return false;
        }

        terms = parsed;
        return true;
    }

    private static bool TryParseLines(string field, out List<GlossaryTerm> terms, out string? error)
    {
        terms = [];
        error = null;
        var lineNumber = 0;
        foreach (var raw in field.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var separator = line.IndexOf('=');
            var source = separator > 0 ? line[..separator].Trim() : "";
            var target = separator > 0 ? line[(separator + 1)..].TrimStart('>').Trim() : "";
            if (source.Length == 0 || target.Length == 0)
            {
                error = $"Glossary line {lineNumber} ('{Shorten(line)}') is not 'source = target'.";
                return false;
            }

            terms.Add(new GlossaryTerm(source, target));
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
