namespace FluxCaption.Contracts.Subtitles;

/// <summary>Values of <see cref="SubtitleVersionSummary.Kind"/>.</summary>
public static class SubtitleKinds
{
    /// <summary>A subtitle read from the media (a text track, a file, an upload) and translated from.</summary>
    public const string Source = "source";

    /// <summary>A source FluxCaption made itself, by speech recognition or OCR.</summary>
    public const string Transcript = "transcript";

    public const string Translation = "translation";
}
