using System.Text;

namespace FluxCaption.Core.Subtitles;

/// <summary>Subtitle files as bytes: load (decode, detect, parse), save (UTF-8), and per-format file facts.</summary>
public static class SubtitleFile
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Reads a subtitle file. Throws <see cref="SubtitleEncodingException"/> when the bytes are not
    /// text and <see cref="SubtitleFormatException"/> when the text is no subtitle format or is invalid.
    /// </summary>
    public static SubtitleDocument Load(byte[] bytes, string? fileName) => Load(bytes, fileName, out _);

    /// <summary>Like <see cref="Load(byte[], string?)"/>, and tells which encoding the bytes were read as ("utf-8", "windows-1252"...).</summary>
    public static SubtitleDocument Load(byte[] bytes, string? fileName, out string encodingName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        encodingName = "utf-8";
        if (bytes.Length == 0)
        {
            throw new SubtitleFormatException("the file is empty");
        }

        var decoded = SubtitleTextDecoder.Decode(bytes);
        encodingName = decoded.EncodingName;
        var format = SubtitleFormatDetector.Detect(decoded.Text, fileName)
            ?? throw new SubtitleFormatException(
                string.IsNullOrWhiteSpace(decoded.Text)
                    ? "the file is empty"
                    : "the text is not a subtitle file: no WEBVTT signature, no [Script Info]/[Events] section and no 'start --> end' timing line");
        return SubtitleParser.Parse(decoded.Text, format);
    }

    /// <summary>Whether <paramref name="encodingName"/> is a Unicode encoding, where nothing had to be guessed.</summary>
    public static bool IsUnicode(string encodingName) => encodingName.StartsWith("utf-", StringComparison.OrdinalIgnoreCase);

    /// <summary>The document written in its format, as UTF-8 without a byte order mark.</summary>
    public static byte[] Save(SubtitleDocument document) => Utf8WithoutBom.GetBytes(SubtitleWriter.Write(document));

    /// <summary>The MIME type to serve a file of <paramref name="format"/> with.</summary>
    public static string ContentType(SubtitleFormat format) => format switch
    {
        SubtitleFormat.Srt => "application/x-subrip",
        SubtitleFormat.WebVtt => "text/vtt",
        SubtitleFormat.Ass => "text/x-ass",
        SubtitleFormat.Ssa => "text/x-ssa",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown subtitle format."),
    };

    /// <summary>The file extension, with its dot, for <paramref name="format"/> (".srt", ".vtt", ".ass", ".ssa").</summary>
    public static string Extension(SubtitleFormat format) => format switch
    {
        SubtitleFormat.Srt => ".srt",
        SubtitleFormat.WebVtt => ".vtt",
        SubtitleFormat.Ass => ".ass",
        SubtitleFormat.Ssa => ".ssa",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown subtitle format."),
    };
}
