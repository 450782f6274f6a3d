using System.Globalization;
using System.Text.RegularExpressions;

namespace FluxCaption.Core.Speech.Audio;

/// <summary>
/// Reads silencedetect's log: "silence_start: 12.5" then "silence_end: 14.2 | silence_duration: 1.7".
/// A start without an end is a silence that runs to the end of the audio. Times are clamped to the audio,
/// since the filter can report a start slightly before zero.
/// </summary>
internal static partial class SilenceLog
{
    public static IReadOnlyList<SilenceSpan> Parse(IEnumerable<string> lines, TimeSpan duration)
    {
        var spans = new List<SilenceSpan>();
        TimeSpan? open = null;
        // Progress reports end in a carriage return, so an entry can share a "line" with one.
        foreach (var match in lines.SelectMany(line => Entry().Matches(line)))
        {
            var at = Clamp(double.Parse(match.Groups["seconds"].Value, NumberStyles.Float, CultureInfo.InvariantCulture), duration);
            if (match.Groups["kind"].Value == "start")
            {
                open ??= at;
            }
            else if (open is { } start)
            {
                Add(spans, start, at);
                open = null;
            }
        }

        if (open is { } trailing)
        {
            Add(spans, trailing, duration);
        }

        return spans;
    }

    private static void Add(List<SilenceSpan> spans, TimeSpan start, TimeSpan end)
    {
        if (end > start)
        {
            spans.Add(new SilenceSpan(start, end));
        }
    }

    private static TimeSpan Clamp(double seconds, TimeSpan duration)
    {
        var time = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return time > duration ? duration : time;
    }

    [GeneratedRegex(@"silence_(?<kind>start|end):\s*(?<seconds>-?[0-9]+(?:\.[0-9]+)?(?:e[-+]?[0-9]+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex Entry();
}
