using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Media;

/// <summary>What ffprobe's subtitle codec names mean to FluxCaption: text or picture, and the format text is extracted to.</summary>
public static class SubtitleCodecs
{
    private static readonly HashSet<string> TextCodecs = new(StringComparer.OrdinalIgnoreCase)
    {
        "subrip", "srt", "ass", "ssa", "webvtt", "mov_text", "text",
    };

    private static readonly HashSet<string> BitmapCodecs = new(StringComparer.OrdinalIgnoreCase)
    {
        "hdmv_pgs_subtitle", "dvd_subtitle", "dvb_subtitle", "xsub", "dvb_teletext",
    };

    /// <summary>True for codecs whose packets are text FluxCaption can read.</summary>
    public static bool IsText(string? codec) => codec is not null && TextCodecs.Contains(codec);

    /// <summary>True for picture subtitles (PGS, VobSub, DVB): they need OCR, not extraction.</summary>
    public static bool IsBitmap(string? codec) => codec is not null && BitmapCodecs.Contains(codec);

    /// <summary>The format a text track is extracted to; null for codecs that are not text.</summary>
    public static SubtitleFormat? ExtractFormat(string? codec) => codec?.ToLowerInvariant() switch
    {
        "ass" or "ssa" => SubtitleFormat.Ass,
        "webvtt" => SubtitleFormat.WebVtt,
        "subrip" or "srt" or "mov_text" or "text" => SubtitleFormat.Srt,
        _ => null,
    };
}
