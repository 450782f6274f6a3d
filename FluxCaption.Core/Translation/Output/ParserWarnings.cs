using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Translation.Output;

/// <summary>
/// The parser's warnings about a source file as job warnings: what it repaired and what it kept as
/// written is the user's to know, since a kept line stays untranslated in the result.
/// </summary>
public static class ParserWarnings
{
    public const string KeptVerbatimCode = "parser_kept_verbatim";

    public const string RepairedCode = "parser_repaired";

    /// <summary>A kept line that the output format has no place for: the converted result leaves it out.</summary>
    public const string SkippedCode = "parser_skipped";

    public static IReadOnlyList<DocumentWarning> For(SubtitleDocument source, SubtitleFormat outputFormat)
    {
        ArgumentNullException.ThrowIfNull(source);
        // Kept lines are raw text of the source's format; only a writer of that format puts them back.
        var keptInOutput = source.Format == outputFormat;
        return [.. source.Warnings.Select(warning => warning.Outcome switch
        {
            SubtitleParseOutcome.Repaired => new DocumentWarning(RepairedCode, $"Line {warning.Line}: {warning.Message}."),
            _ when keptInOutput => new DocumentWarning(KeptVerbatimCode, $"Line {warning.Line}: {warning.Message}."),
            _ => new DocumentWarning(SkippedCode,
                $"Line {warning.Line}: {warning.Message}, but the {SubtitleFormatName(outputFormat)} result has no place for it and leaves it out."),
        })];
    }

    private static string SubtitleFormatName(SubtitleFormat format) => format switch
    {
        SubtitleFormat.WebVtt => "WebVTT",
        _ => format.ToString().ToUpperInvariant(),
    };
}
