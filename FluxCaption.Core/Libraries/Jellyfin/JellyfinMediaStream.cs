namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>
/// One stream of an item. <see cref="Index"/> is renumbered by Jellyfin after every upload or delete
/// (external subtitles are listed first): it is only valid until the next change.
/// </summary>
public sealed record JellyfinMediaStream
{
    public int Index { get; init; }

    /// <summary>Video, Audio, Subtitle, EmbeddedImage, Data, Lyric.</summary>
    public string? Type { get; init; }

    public string? Codec { get; init; }

    /// <summary>Three letters, normalised by Jellyfin to ISO 639-2/T ("fre" comes back "fra").</summary>
    public string? Language { get; init; }

    public string? Title { get; init; }

    public string? DisplayTitle { get; init; }

    public bool IsExternal { get; init; }

    public string? Path { get; init; }

    public bool IsForced { get; init; }

    public bool IsHearingImpaired { get; init; }

    public bool IsDefault { get; init; }

    public bool IsTextSubtitleStream { get; init; }
}
