namespace FluxCaption.Core.Languages;

/// <summary>The parts of a BCP-47 tag that matter here; variants and extensions are read and dropped.</summary>
internal readonly record struct ParsedLanguageTag(string Language, string? Script, string? Region);

/// <summary>Reads "language[-extlang][-Script][-REGION][-variant...][-x-...]" from a folded (lower case, '-') tag.</summary>
internal static class LanguageTagParser
{
    public static bool TryParse(string folded, out ParsedLanguageTag tag)
    {
        tag = default;
        var subtags = folded.Split('-');
        var language = subtags[0];
        if (language.Length is < 2 or > 3 || !language.All(char.IsAsciiLetterLower))
        {
            return false;
        }

        string? script = null;
        string? region = null;
        var position = 1;

        // Mandarin is the only extended language subtag we meet ("zh-cmn-Hans"); other extlangs
        // (zh-yue, ar-arz) name languages of their own that the table does not hold.
        if (position < subtags.Length && subtags[position].Length == 3 && subtags[position].All(char.IsAsciiLetterLower))
        {
            if (subtags[position] != "cmn" || language != "zh")
            {
                return false;
            }

            position++;
        }

        if (position < subtags.Length && subtags[position].Length == 4 && subtags[position].All(char.IsAsciiLetterLower))
        {
            script = subtags[position++];
        }

        if (position < subtags.Length && IsRegion(subtags[position]))
        {
            region = subtags[position++];
        }

        for (; position < subtags.Length; position++)
        {
            var subtag = subtags[position];
            if (subtag.Length == 1 && char.IsAsciiLetterOrDigit(subtag[0]))
            {
                break; // an extension or private use: everything after it is not about the language
            }

            if (!IsVariant(subtag))
            {
                return false;
            }
        }

        tag = new ParsedLanguageTag(language, script, region);
        return true;
    }

    private static bool IsRegion(string subtag) =>
        (subtag.Length == 2 && subtag.All(char.IsAsciiLetterLower))
        || (subtag.Length == 3 && subtag.All(char.IsAsciiDigit));

    private static bool IsVariant(string subtag) =>
        subtag.All(char.IsAsciiLetterOrDigit)
        && (subtag.Length is >= 5 and <= 8 || (subtag.Length == 4 && char.IsAsciiDigit(subtag[0])));
}
