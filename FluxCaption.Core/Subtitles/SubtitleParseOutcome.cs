namespace FluxCaption.Core.Subtitles;

/// <summary>What the parser did about a problem in the file.</summary>
public enum SubtitleParseOutcome
{
    /// <summary>Read with a fix (a timestamp read by value, a field order assumed, a missing blank line).</summary>
    Repaired,

    /// <summary>
    /// Not read as a cue (its timing or fields are unusable): kept as written, written back at its
    /// place by the writer of the same format, never translated.
    /// </summary>
    KeptVerbatim,
}
