namespace FluxCaption.Contracts.Subtitles;

/// <summary>Values of <see cref="CueMarker.Kind"/>.</summary>
public static class CueMarkerKinds
{
    /// <summary>No engine could translate the line, so it was kept in the source language (the message says why).</summary>
    public const string KeptSource = "kept_source";

    /// <summary>The line reads exactly as its source line, with no warning to explain it.</summary>
    public const string Untranslated = "untranslated";

    /// <summary>Any other warning the job recorded for the line.</summary>
    public const string Warning = "warning";
}
