using FluxCaption.Core.Languages;

namespace FluxCaption.Core.Libraries.Coverage;

/// <summary>Decides which wanted languages an item's subtitle tracks already cover.</summary>
public static class CoverageEvaluator
{
    /// <summary>Whether a subtitle track of the item covers <paramref name="wanted"/> under the user's rules.</summary>
    public static bool IsCovered(IEnumerable<MediaTrack> tracks, string wanted, CoverageRules rules) =>
        tracks.Any(track => TrackCovers(track, wanted, rules));

    /// <summary>The wanted languages (canonicalised, in the given order, without repeats) that nothing covers.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<MediaTrack> tracks, IEnumerable<string> wanted, CoverageRules rules)
    {
        var subtitles = tracks.Where(track => track.Kind == MediaTrackKind.Subtitle).ToList();
        return wanted
            .Select(language => LanguageCodes.TryNormalize(language, out var canonical) ? canonical : language)
            .Distinct(StringComparer.Ordinal)
            .Where(language => !IsCovered(subtitles, language, rules))
            .ToList();
    }

    /// <summary>Whether this one track covers <paramref name="wanted"/>.</summary>
    public static bool TrackCovers(MediaTrack track, string wanted, CoverageRules rules)
    {
        if (track.Kind != MediaTrackKind.Subtitle
            || (track.IsForced && !rules.ForcedCounts)
            || (track.IsHearingImpaired && !rules.HearingImpairedCounts)
            || (!track.IsText && !rules.BitmapCounts))
        {
            return false;
        }

        return LanguageCodes.Covers(track.Language, wanted) || IsEquivalent(track.Language, wanted, rules);
    }

    private static bool IsEquivalent(string available, string wanted, CoverageRules rules)
    {
        foreach (var pair in rules.Equivalences)
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && LanguageCodes.Covers(available, parts[0]) && LanguageCodes.Covers(parts[1], wanted))
            {
                return true;
            }
        }

        return false;
    }
}
