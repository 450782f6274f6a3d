namespace FluxCaption.Core.Languages;

/// <summary>
/// Reads the language from a sidecar subtitle name the way media servers write them:
/// "Movie.en.srt", "Movie.chi.forced.srt", "Movie (2019).pt-BR.sdh.ass", "Movie.English.default.srt".
/// </summary>
internal static class FileNameLanguage
{
    // Flags media servers put next to the language; they are skipped, never read as a language.
    private static readonly HashSet<string> Flags = new(StringComparer.OrdinalIgnoreCase)
    {
        "forced", "foreign", "sdh", "cc", "hi", "default", "full", "signs", "songs", "commentary", "dub", "normal",
    };

    // Only the parts right before the extension are looked at, so words of the title ("The.It.Crowd")
    // are not taken for a language.
    private const int PartsToLookAt = 3;

    /// <summary>True for the words media servers put beside a language in a sidecar name (forced, sdh, cc, hi, default...).</summary>
    public static bool IsFlag(string? part) => part is not null && Flags.Contains(part.Trim());

    public static bool TryRead(string? path, out string canonical)
    {
        canonical = "";
        if (string.IsNullOrWhiteSpace(path))
        {
            return false;
        }

        var parts = Path.GetFileNameWithoutExtension(path.Trim()).Split('.');

        // The first part is the title: a file called "It.srt" says nothing about Italian.
        var first = Math.Max(1, parts.Length - PartsToLookAt);
        string? skippedFlag = null;
        for (var index = parts.Length - 1; index >= first; index--)
        {
            var part = parts[index].Trim();
            if (Flags.Contains(part))
            {
                skippedFlag ??= part;
                continue;
            }

            return LanguageCodes.TryNormalize(part, out canonical);
        }

        // "hi" marks hearing-impaired subtitles after a language ("Movie.en.hi.srt") but is Hindi alone.
        return skippedFlag is not null && LanguageCodes.TryNormalize(skippedFlag, out canonical);
    }
}
