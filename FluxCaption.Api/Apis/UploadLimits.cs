using FluxCaption.Api.Extensions;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Api.Apis;

/// <summary>
/// The size limits an uploaded subtitle must keep once it is read: cues, ASS styles and the length of
/// one line of text. Each refusal names the figure, the limit and the setting that holds it.
/// </summary>
public static class UploadLimits
{
    private static readonly string[] StyleSections = ["V4+ Styles", "V4 Styles"];

    /// <summary>The first limit the document breaks, as a message for the "file" field; null when it keeps them all.</summary>
    public static string? FirstBroken(SubtitleDocument document, ApiOptions options)
    {
        if (document.Cues.Count > options.MaxCuesPerFile)
        {
            return $"The file has {document.Cues.Count} cues; the limit is {options.MaxCuesPerFile} (Api:MaxCuesPerFile).";
        }

        var styles = document.Ass?.Sections
            .Where(section => StyleSections.Contains(section.Name, StringComparer.OrdinalIgnoreCase))
            .Sum(section => section.Lines.Count(line => line.TrimStart().StartsWith("Style:", StringComparison.OrdinalIgnoreCase))) ?? 0;
        if (styles > options.MaxStylesPerFile)
        {
            return $"The file has {styles} styles; the limit is {options.MaxStylesPerFile} (Api:MaxStylesPerFile).";
        }

        for (var index = 0; index < document.Cues.Count; index++)
        {
            var longest = document.Cues[index].Text.Split('\n').Max(line => line.Length);
            if (longest > options.MaxLineLength)
            {
                return $"Cue {index + 1} has a line of {longest} characters; the limit is {options.MaxLineLength} (Api:MaxLineLength).";
            }
        }

        return null;
    }
}
