using FluxCaption.Core.Subtitles;

namespace FluxCaption.Api.Apis;

/// <summary>The format words of the API contract (`srt`, `vtt`, `ass`, `ssa`).</summary>
public static class SubtitleFormatNames
{
    public static string ToApiName(SubtitleFormat format) => format switch
    {
        SubtitleFormat.Srt => "srt",
        SubtitleFormat.WebVtt => "vtt",
        SubtitleFormat.Ass => "ass",
        SubtitleFormat.Ssa => "ssa",
        _ => format.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? value, out SubtitleFormat format)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "srt" or "subrip":
                format = SubtitleFormat.Srt;
                return true;
            case "vtt" or "webvtt":
                format = SubtitleFormat.WebVtt;
                return true;
            case "ass":
                format = SubtitleFormat.Ass;
                return true;
            case "ssa":
                format = SubtitleFormat.Ssa;
                return true;
            default:
                format = default;
                return false;
        }
    }
}
