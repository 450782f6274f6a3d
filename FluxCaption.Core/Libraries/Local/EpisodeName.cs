using System.Globalization;
using System.Text.RegularExpressions;

namespace FluxCaption.Core.Libraries.Local;

/// <summary>Series, season and episode from a file name such as "Show Name - S01E02 - Title" or "show.name.s1e2".</summary>
internal sealed partial record EpisodeName(string? Series, int Season, int Episode)
{
    public static EpisodeName? TryParse(string fileName)
    {
        var match = Pattern().Match(fileName);
        if (!match.Success)
        {
            return null;
        }

        var series = fileName[..match.Index].Replace('.', ' ').Replace('_', ' ').Trim(' ', '-', '[', '(');
        return new EpisodeName(series.Length == 0 ? null : series,
            int.Parse(match.Groups["season"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["episode"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])[Ss](?<season>\d{1,3})[ ._-]?[Ee](?<episode>\d{1,4})(?![0-9])")]
    private static partial Regex Pattern();
}
