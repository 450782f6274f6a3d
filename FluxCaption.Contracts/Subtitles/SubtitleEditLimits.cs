namespace FluxCaption.Contracts.Subtitles;

/// <summary>Limits on one saved version, shared so the editor can check before it sends.</summary>
public static class SubtitleEditLimits
{
    /// <summary>Cues one request may change.</summary>
    public const int MaxEditedCues = 20_000;

    /// <summary>Characters in one cue's text.</summary>
    public const int MaxCueTextLength = 2_000;

    public const int MaxEditedByLength = 200;
}
