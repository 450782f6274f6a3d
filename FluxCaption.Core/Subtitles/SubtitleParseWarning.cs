namespace FluxCaption.Core.Subtitles;

/// <summary>A problem the parser recovered from: where (1-based line), what it did, and the problem in words.</summary>
public sealed record SubtitleParseWarning(int Line, SubtitleParseOutcome Outcome, string Message)
{
    /// <summary>How every <see cref="SubtitleParseOutcome.KeptVerbatim"/> message ends, so they read alike.</summary>
    internal const string KeptAsWritten = "kept as written and not translated";
}
