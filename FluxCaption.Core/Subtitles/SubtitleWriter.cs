using FluxCaption.Core.Subtitles.Formats;

namespace FluxCaption.Core.Subtitles;

/// <summary>Writes a <see cref="SubtitleDocument"/> as text in its own format.</summary>
public static class SubtitleWriter
{
    /// <summary>
    /// The document as text in <see cref="SubtitleDocument.Format"/>, with its line endings; an
    /// unchanged parsed document comes back as the text it was read from.
    /// </summary>
    public static string Write(SubtitleDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Format switch
        {
            SubtitleFormat.Srt => SrtWriter.Write(document),
            SubtitleFormat.WebVtt => WebVttWriter.Write(document),
            SubtitleFormat.Ass or SubtitleFormat.Ssa => AssWriter.Write(document),
            _ => throw new ArgumentOutOfRangeException(nameof(document), document.Format, "Unknown subtitle format."),
        };
    }
}
