using System.Globalization;
using System.Text.RegularExpressions;

namespace FluxCaption.Core.Subtitles.Conversion;

/// <summary>ASS numpad alignment (\an1..\an9) and its legacy SSA form (\a1..\a11).</summary>
internal static partial class AssAlignment
{
    // Index: numpad value; value: legacy SSA value (bottom 1-3, top 5-7, middle 9-11).
    private static readonly int[] Legacy = [0, 1, 2, 3, 9, 10, 11, 5, 6, 7];

    [GeneratedRegex(@"\\an([1-9])", RegexOptions.CultureInvariant)]
    private static partial Regex NumpadTag();

    public static int LegacyFromNumpad(int numpad) => Legacy[numpad];

    public static int? NumpadFromLegacy(int legacy)
    {
        var index = Array.IndexOf(Legacy, legacy, 1);
        return index > 0 ? index : null;
    }

    /// <summary>Rewrites every \anN of ASS text as the legacy \aM that SSA renderers understand.</summary>
    public static string ToLegacy(string assText) =>
        NumpadTag().Replace(assText, match => "\\a" + LegacyFromNumpad(match.Groups[1].Value[0] - '0').ToString(CultureInfo.InvariantCulture));
}
