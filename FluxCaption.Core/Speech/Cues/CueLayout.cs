using FluxCaption.Core.Languages;
using FluxCaption.Core.Translation.PostProcessing;

namespace FluxCaption.Core.Speech.Cues;

/// <summary>The limits for one language: line width in screen columns (a full-width character takes two), reading speed, word spacing.</summary>
internal sealed record CueLayout(int MaxColumns, double MaxCharactersPerSecond, bool SpacesBetweenWords)
{
    public static CueLayout For(string? language, IEnumerable<string> texts, CueSegmenterOptions options)
    {
        if (language is not null && LanguageCodes.TryNormalize(language, out var canonical) && !LanguageCodes.IsUndetermined(canonical))
        {
            return ForScript(LanguageCodes.Script(canonical), LanguageCodes.ToIso6391(canonical), options);
        }

        var (script, iso) = Guess(string.Concat(texts));
        return ForScript(script, iso, options);
    }

    private static CueLayout ForScript(LanguageScript script, string? iso6391, CueSegmenterOptions options) => script switch
    {
        // Korean is written with spaces between words; Chinese and Japanese break between any two characters.
        LanguageScript.Cjk => new(options.MaxCjkLineLength * 2, options.MaxCjkCharactersPerSecond, SpacesBetweenWords: iso6391 == "ko"),
        LanguageScript.RightToLeft => new(options.MaxRightToLeftLineLength, options.MaxCharactersPerSecond, true),
        // Thai puts spaces between phrases, not words: those are its only safe breaks.
        LanguageScript.Other => new(options.MaxOtherLineLength, options.MaxOtherCharactersPerSecond, true),
        _ => new(options.MaxLineLength, options.MaxCharactersPerSecond, true),
    };

    /// <summary>The script most letters belong to, for a transcript whose language nobody named.</summary>
    private static (LanguageScript Script, string? Iso6391) Guess(string text)
    {
        int letters = 0, hangul = 0, fullWidth = 0, rightToLeft = 0, other = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!System.Text.Rune.IsLetter(rune))
            {
                continue;
            }

            letters++;
            var atom = rune.ToString();
            if (rune.Value is >= 0xAC00 and <= 0xD7A3 or >= 0x1100 and <= 0x11FF)
            {
                hangul++;
            }
            else if (ScriptCharacters.IsFullWidth(atom))
            {
                fullWidth++;
            }
            else if (ScriptCharacters.IsRightToLeftLetter(atom))
            {
                rightToLeft++;
            }
            else if (rune.Value is >= 0x0900 and <= 0x0DFF or >= 0x0E00 and <= 0x0EFF or >= 0x1000 and <= 0x109F)
            {
                other++;
            }
        }

        var half = Math.Max(1, letters) / 2.0;
        if (hangul > half)
        {
            return (LanguageScript.Cjk, "ko");
        }

        if (hangul + fullWidth > half)
        {
            return (LanguageScript.Cjk, "zh");
        }

        return rightToLeft > half ? (LanguageScript.RightToLeft, null)
            : other > half ? (LanguageScript.Other, null)
            : (LanguageScript.Latin, null);
    }
}
