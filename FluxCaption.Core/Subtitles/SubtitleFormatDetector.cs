using FluxCaption.Core.Subtitles.Formats;

namespace FluxCaption.Core.Subtitles;

/// <summary>Tells SRT, WebVTT, ASS and SSA apart by content, with the file extension as tie-breaker.</summary>
public static class SubtitleFormatDetector
{
    /// <summary>The format of <paramref name="text"/>, or null when it looks like none of them.</summary>
    public static SubtitleFormat? Detect(string text, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var byExtension = FromExtension(fileName);
        var lines = TextLines.Split(text.Length > 64 * 1024 ? text[..(64 * 1024)] : text).Lines;
        var first = lines.FirstOrDefault(line => !TextLines.IsBlank(line))?.Trim();
        if (first is null)
        {
            return null;
        }

        if (first.StartsWith("WEBVTT", StringComparison.Ordinal))
        {
            return SubtitleFormat.WebVtt;
        }

        if (lines.Any(line => line.Trim().Equals("[Events]", StringComparison.OrdinalIgnoreCase))
            || first.Equals("[Script Info]", StringComparison.OrdinalIgnoreCase))
        {
            return AssVariant(lines, byExtension);
        }

        if (lines.Any(line => TimingLine.TryParse(line, webVtt: false) is not null))
        {
            // A VTT body without its signature is still closer to SRT than to anything else.
            return byExtension == SubtitleFormat.WebVtt ? SubtitleFormat.WebVtt : SubtitleFormat.Srt;
        }

        return null;
    }

    /// <summary>The format a file name's extension stands for (.srt, .vtt, .ass, .ssa), or null.</summary>
    public static SubtitleFormat? FromExtension(string? fileName) =>
        Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
        {
            ".srt" => SubtitleFormat.Srt,
            ".vtt" or ".webvtt" => SubtitleFormat.WebVtt,
            ".ass" => SubtitleFormat.Ass,
            ".ssa" => SubtitleFormat.Ssa,
            _ => null,
        };

    private static SubtitleFormat AssVariant(List<string> lines, SubtitleFormat? byExtension)
    {
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.Equals("[V4+ Styles]", StringComparison.OrdinalIgnoreCase))
            {
                return SubtitleFormat.Ass;
            }

            if (trimmed.Equals("[V4 Styles]", StringComparison.OrdinalIgnoreCase))
            {
                return SubtitleFormat.Ssa;
            }

            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && trimmed[..colon].Replace(" ", "", StringComparison.Ordinal).Equals("ScriptType", StringComparison.OrdinalIgnoreCase))
            {
                var value = trimmed[(colon + 1)..].Trim();
                if (value.Equals("v4.00+", StringComparison.OrdinalIgnoreCase))
                {
                    return SubtitleFormat.Ass;
                }

                if (value.Equals("v4.00", StringComparison.OrdinalIgnoreCase))
                {
                    return SubtitleFormat.Ssa;
                }
            }
        }

        return byExtension == SubtitleFormat.Ssa ? SubtitleFormat.Ssa : SubtitleFormat.Ass;
    }
}
