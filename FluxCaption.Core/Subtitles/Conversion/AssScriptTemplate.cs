using FluxCaption.Core.Subtitles.Formats;

namespace FluxCaption.Core.Subtitles.Conversion;

/// <summary>The script a conversion to ASS/SSA starts from: script info, one Default style, the events format.</summary>
internal static class AssScriptTemplate
{
    public static AssScript Create(bool legacySsa)
    {
        // 1080p play resolution with a 56px font: readable on TV and phone, Aegisub's usual canvas.
        var info = new AssSection
        {
            Name = "Script Info",
            Lines =
            [
                "; Script converted by FluxCaption",
                legacySsa ? "ScriptType: v4.00" : "ScriptType: v4.00+",
                "WrapStyle: 0",
                "ScaledBorderAndShadow: yes",
                "PlayResX: 1920",
                "PlayResY: 1080",
                "",
            ],
        };
        var styles = legacySsa
            ? new AssSection
            {
                Name = "V4 Styles",
                Lines =
                [
                    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, TertiaryColour, BackColour, Bold, Italic, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, AlphaLevel, Encoding",
                    "Style: Default,Arial,56,16777215,255,0,0,0,0,1,3,1,2,60,60,50,0,1",
                    "",
                ],
            }
            : new AssSection
            {
                Name = "V4+ Styles",
                Lines =
                [
                    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding",
                    "Style: Default,Arial,56,&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,3,1,2,60,60,50,1",
                    "",
                ],
            };
        var format = legacySsa ? AssFormat.DefaultSsaEventFormat : AssFormat.DefaultAssEventFormat;
        return new AssScript
        {
            Sections = [info, styles, new AssSection { Name = AssFormat.EventsSection, Lines = ["Format: " + string.Join(", ", format)] }],
            EventFormat = [.. format],
        };
    }
}
