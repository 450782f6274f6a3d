using FluxCaption.Core.Subtitles.Formats;

namespace FluxCaption.Core.Subtitles;

/// <summary>Parses subtitle text of a known format into a <see cref="SubtitleDocument"/>.</summary>
public static class SubtitleParser
{
    /// <summary>
    /// Parses <paramref name="text"/> as <paramref name="format"/>. Recoverable problems land in
    /// <see cref="SubtitleDocument.Warnings"/>; anything else throws <see cref="SubtitleFormatException"/>.
    /// </summary>
    public static SubtitleDocument Parse(string text, SubtitleFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        return format switch
        {
            SubtitleFormat.Srt => SrtParser.Parse(text),
            SubtitleFormat.WebVtt => WebVttParser.Parse(text),
            SubtitleFormat.Ass or SubtitleFormat.Ssa => AssParser.Parse(text, format),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown subtitle format."),
        };
    }
}
