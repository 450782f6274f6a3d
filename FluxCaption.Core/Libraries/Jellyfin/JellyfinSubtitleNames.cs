using FluxCaption.Core.Languages;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>The formats and language tags FluxCaption uses when it reads from and uploads to Jellyfin.</summary>
internal static class JellyfinSubtitleNames
{
    /// <summary>
    /// ASS/SSA keep their styling only as ASS; subrip, mov_text and WebVTT come as SRT, which the server
    /// returns unchanged for subrip and converts losslessly enough for the others.
    /// </summary>
    public static (string Extension, SubtitleFormat Format) DownloadFormat(string? codec) =>
        codec?.ToLowerInvariant() switch
        {
            "ass" or "ssa" => ("ass", SubtitleFormat.Ass),
            _ => ("srt", SubtitleFormat.Srt),
        };

    public static string Extension(SubtitleFormat format) => format switch
    {
        SubtitleFormat.Srt => "srt",
        SubtitleFormat.WebVtt => "vtt",
        SubtitleFormat.Ass => "ass",
        SubtitleFormat.Ssa => "ssa",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No Jellyfin upload format for this subtitle format."),
    };

    /// <summary>
    /// The three-letter ISO 639-2/T code Jellyfin stores ("fr" -> "fra") when it names the language
    /// without loss; a variant that three letters cannot carry ("zh-Hant", "pt-BR", "sr-Latn") goes as
    /// its lower-cased BCP-47 tag, which the server writes into the file name and reports back.
    /// </summary>
    public static string UploadLanguage(string canonical)
    {
        var tag = LanguageCodes.Normalize(canonical);
        var threeLetters = LanguageCodes.ToIso6392T(tag);
        return LanguageCodes.TryNormalize(threeLetters, out var roundTrip) && roundTrip == tag
            ? threeLetters
            : tag.ToLowerInvariant();
    }
}
