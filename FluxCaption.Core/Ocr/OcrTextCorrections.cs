using System.Text.RegularExpressions;

namespace FluxCaption.Core.Ocr;

/// <summary>
/// Fixes the confusions Tesseract makes between look-alike glyphs in subtitle fonts, where the right
/// reading is certain from the words around them: a capital I read for a small i in a common word in
/// mid-sentence ("the house Is red"), and a small l or a bar read for the pronoun I ("l am here",
/// "| know"). English only: in other languages these letters make real words.
/// </summary>
public static partial class OcrTextCorrections
{
    /// <param name="language">A BCP-47 tag ("en", "en-GB") or the Tesseract language the text was read in ("eng").</param>
    public static string Fix(string text, string? language)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (language is null || !(language is "en" or "eng" || language.StartsWith("en-", StringComparison.OrdinalIgnoreCase)))
        {
            return text;
        }

        var pronounFixed = LoneLetterForI().Replace(text, "${before}I");
        return CapitalIMidSentence().Replace(pronounFixed, "${before}i${rest}");
    }

    // "l" or "|" standing alone as a word, where only the pronoun I makes sense.
    [GeneratedRegex(@"(?<before>^|[\s""'(\-])[l|](?=[\s,.!?;:'""]|$)", RegexOptions.Multiline)]
    private static partial Regex LoneLetterForI();

    // A word that starts with a small i, read with a capital I right after a word that does not end a
    // sentence (it ends in a small letter or a comma): "house Is" is "house is".
    [GeneratedRegex(@"(?<before>[a-z,;]\s+)I(?<rest>s|n|t|f|ts|nto|sn't|t's|t'll|t'd)\b")]
    private static partial Regex CapitalIMidSentence();
}
