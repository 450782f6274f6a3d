using System.Text;
using UtfUnknown;

namespace FluxCaption.Core.Subtitles;

/// <summary>
/// Turns subtitle file bytes into text: byte order marks first, then strict UTF-8, then UTF-16
/// without a BOM, then statistical detection for legacy code pages (GB18030/GBK, Big5, Shift-JIS,
/// Windows-125x). Bytes that are not text in any of them raise <see cref="SubtitleEncodingException"/>.
/// </summary>
public static class SubtitleTextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static SubtitleTextDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static DecodedText Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Decode(bytes.AsSpan());
    }

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedText(Strict(StrictUtf8, bytes[3..], "UTF-8"), "utf-8", true);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Strict(new UnicodeEncoding(false, false, true), bytes[2..], "UTF-16LE"), "utf-16le", true);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Strict(new UnicodeEncoding(true, false, true), bytes[2..], "UTF-16BE"), "utf-16be", true);
        }

        if (Utf16WithoutBom(bytes) is { } bigEndian)
        {
            var name = bigEndian ? "utf-16be" : "utf-16le";
            return new DecodedText(Strict(new UnicodeEncoding(bigEndian, false, true), bytes, name.ToUpperInvariant()), name, false);
        }

        if (bytes.Contains((byte)0))
        {
            throw new SubtitleEncodingException("the file is not text: it contains NUL bytes, as binary files (images, videos, archives) do");
        }

        try
        {
            return new DecodedText(StrictUtf8.GetString(bytes), "utf-8", false);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: fall through to legacy code page detection.
        }

        return DecodeLegacy(bytes.ToArray());
    }

    private static DecodedText DecodeLegacy(byte[] bytes)
    {
        var result = CharsetDetector.DetectFromBytes(bytes);
        var candidates = result.Details.Where(detail => detail.Confidence >= 0.2f).ToList();
        if (candidates.Count == 0)
        {
            throw new SubtitleEncodingException(
                "the file is not text: its bytes are neither UTF-8/UTF-16 nor a recognisable legacy encoding (GB18030, Big5, Shift-JIS, Windows-125x)");
        }

        // The detector also names code pages .NET cannot decode (ISO-8859-10/16...): take the most
        // likely one we can, else Windows-1252, which decodes any byte and is what such files usually are.
        var encoding = candidates.Select(detail => Supported(detail.EncodingName)).FirstOrDefault(supported => supported is not null)
            ?? Encoding.GetEncoding(1252);
        var text = encoding.GetString(bytes);
        if (LooksBinary(text))
        {
            throw new SubtitleEncodingException($"the file is not text: read as {encoding.WebName} it is mostly control characters");
        }

        // The IANA name of what we decoded with ("gb18030", "big5", "shift_jis", "windows-1250").
        return new DecodedText(text, encoding.WebName.ToLowerInvariant(), false);
    }

    private static Encoding? Supported(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        // GB2312 and GBK are subsets of GB18030; decoding with the superset never loses a character.
        if (name.ToLowerInvariant() is "gb2312" or "gbk" or "gb18030")
        {
            return Encoding.GetEncoding("gb18030");
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string label)
    {
        try
        {
            var text = encoding.GetString(bytes);
            if (LooksBinary(text))
            {
                throw new SubtitleEncodingException($"the file is not text: read as {label} it is mostly control characters");
            }

            return text;
        }
        catch (DecoderFallbackException ex)
        {
            throw new SubtitleEncodingException($"the file is not text: it starts with a {label} byte order mark but holds invalid {label} data", ex);
        }
    }

    // UTF-16 without BOM shows as NUL bytes in every other position for Latin-script text.
    private static bool? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 4096) & ~1)];
        if (sample.Length < 4)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05)
        {
            return false;
        }

        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05)
        {
            return true;
        }

        return null;
    }

    private static bool LooksBinary(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var control = text.Count(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'));
        var replacement = text.Count(c => c == '\uFFFD');
        return control + replacement > Math.Max(2, text.Length / 50);
    }
}
