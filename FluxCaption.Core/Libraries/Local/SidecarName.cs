using FluxCaption.Core.Languages;

namespace FluxCaption.Core.Libraries.Local;

/// <summary>
/// What a sidecar's name says between the video's base name and the extension:
/// "Movie.en.srt", "Movie.pt-BR.forced.sdh.srt", "Movie.chi.Traditional.ass", or nothing at all ("Movie.srt").
/// </summary>
internal sealed record SidecarName(string Language, string? RawLanguage, bool IsForced, bool IsHearingImpaired, bool IsDefault, string? Title)
{
    private static readonly HashSet<string> ForcedFlags = new(StringComparer.OrdinalIgnoreCase) { "forced", "foreign" };
    private static readonly HashSet<string> HearingImpairedFlags = new(StringComparer.OrdinalIgnoreCase) { "sdh", "cc", "hi" };

    /// <param name="suffix">The dot-separated words after the video's base name, without the extension; empty for "Movie.srt".</param>
    public static SidecarName Parse(string suffix)
    {
        var parts = suffix.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? rawLanguage = null;
        bool forced = false, hearingImpaired = false, isDefault = false, sawHi = false;
        var titleParts = new List<string>();

        // The language nearest the extension wins: "Movie.Director's.Cut.en.srt".
        for (var index = parts.Length - 1; index >= 0; index--)
        {
            var part = parts[index];
            if (ForcedFlags.Contains(part))
            {
                forced = true;
            }
            else if (HearingImpairedFlags.Contains(part))
            {
                sawHi |= part.Equals("hi", StringComparison.OrdinalIgnoreCase);
                hearingImpaired |= !part.Equals("hi", StringComparison.OrdinalIgnoreCase);
            }
            else if (part.Equals("default", StringComparison.OrdinalIgnoreCase))
            {
                isDefault = true;
            }
            else if (!FileNameLanguage.IsFlag(part) && rawLanguage is null
                && LanguageCodes.TryNormalize(part, out var language) && !LanguageCodes.IsUndetermined(language))
            {
                rawLanguage = part;
            }
            else
            {
                titleParts.Insert(0, part);
            }
        }

        // "hi" marks hearing-impaired subtitles beside a language ("Movie.en.hi.srt"), but alone it is Hindi.
        if (sawHi && rawLanguage is null)
        {
            rawLanguage = "hi";
        }
        else
        {
            hearingImpaired |= sawHi;
        }

        var title = titleParts.Count == 0 ? null : string.Join('.', titleParts);
        return new SidecarName(TrackLanguage.Resolve(rawLanguage, title), rawLanguage, forced, hearingImpaired, isDefault, title);
    }
}
