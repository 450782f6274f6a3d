using System.Globalization;
using System.Text.RegularExpressions;

namespace FluxCaption.Core.Subtitles.Formats;

/// <summary>Reading and writing the timestamp notations of SRT, WebVTT and ASS/SSA.</summary>
internal static partial class Timestamps
{
    // Lenient on purpose: real files carry 1-3 digit fields, '.' or ',' (even ':') before the
    // fraction, 1-3 fraction digits or none. The fraction is decimal: ",04" is 40 ms.
    [GeneratedRegex(@"^(?:(?<h>\d{1,3}):)?(?<m>\d{1,3}):(?<s>\d{1,3})(?:[,.:](?<f>\d{1,3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex LenientPattern();

    [GeneratedRegex(@"^\d{2,}:\d{2}:\d{2},\d{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex StrictSrtPattern();

    [GeneratedRegex(@"^(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex StrictVttPattern();

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<m>\d{1,2}):(?<s>\d{1,2})(?:[.:](?<f>\d{1,3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AssPattern();

    public static bool TryParseLenient(string text, bool requireHours, out TimeSpan value)
    {
        value = default;
        var match = LenientPattern().Match(text.Trim());
        if (!match.Success || (requireHours && !match.Groups["h"].Success))
        {
            return false;
        }

        return TryBuild(match, out value);
    }

    public static bool IsStrictSrt(string text, TimeSpan value) => StrictSrtPattern().IsMatch(text) && FormatSrt(value) == text;

    public static bool IsStrictWebVtt(string text, TimeSpan value) =>
        StrictVttPattern().IsMatch(text) && (FormatWebVtt(value) == text || FormatWebVtt(value) == "00:" + text);

    public static bool TryParseAss(string text, out TimeSpan value)
    {
        value = default;
        var match = AssPattern().Match(text.Trim());
        return match.Success && TryBuild(match, out value);
    }

    public static string FormatSrt(TimeSpan value)
    {
        var (hours, minutes, seconds, millis) = Parts(value);
        return string.Create(CultureInfo.InvariantCulture, $"{hours:00}:{minutes:00}:{seconds:00},{millis:000}");
    }

    public static string FormatWebVtt(TimeSpan value)
    {
        var (hours, minutes, seconds, millis) = Parts(value);
        return string.Create(CultureInfo.InvariantCulture, $"{hours:00}:{minutes:00}:{seconds:00}.{millis:000}");
    }

    public static string FormatAss(TimeSpan value)
    {
        // Centiseconds: round, not truncate, so 1.995 s does not become 1.99 s.
        var centis = (long)Math.Round(Math.Max(0, value.TotalMilliseconds) / 10.0, MidpointRounding.AwayFromZero);
        var hours = centis / 360000;
        var minutes = centis / 6000 % 60;
        var seconds = centis / 100 % 60;
        return string.Create(CultureInfo.InvariantCulture, $"{hours}:{minutes:00}:{seconds:00}.{centis % 100:00}");
    }

    private static (long Hours, long Minutes, long Seconds, long Millis) Parts(TimeSpan value)
    {
        var total = (long)Math.Round(Math.Max(0, value.TotalMilliseconds), MidpointRounding.AwayFromZero);
        return (total / 3_600_000, total / 60_000 % 60, total / 1000 % 60, total % 1000);
    }

    private static bool TryBuild(Match match, out TimeSpan value)
    {
        value = default;
        var hours = match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var seconds = int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
        // Overflowing fields ("00:02:60.000") are read by value, as lenient players do; callers flag
        // them as non-canonical because they do not format back to the same text.
        if (minutes > 99 || seconds > 99)
        {
            return false;
        }

        var millis = 0;
        if (match.Groups["f"].Success)
        {
            var fraction = match.Groups["f"].Value;
            millis = int.Parse(fraction.PadRight(3, '0'), CultureInfo.InvariantCulture);
        }

        value = TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(seconds) + TimeSpan.FromMilliseconds(millis);
        return true;
    }
}
