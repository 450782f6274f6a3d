namespace FluxCaption.Core.Libraries;

/// <summary>
/// One audio or subtitle track of a media item, normalised the same way for every source so that
/// coverage and source choice never care whether it came from Jellyfin, ffprobe or a sidecar name.
/// Stored as part of the item's <c>streams</c> jsonb inventory.
/// </summary>
public sealed record MediaTrack
{
    public required MediaTrackKind Kind { get; init; }

    /// <summary>
    /// The source's index when the inventory was read (Jellyfin stream index, ffprobe stream index).
    /// Jellyfin renumbers indexes after every upload or delete: never use it as an identity, re-read
    /// the item before acting on a track.
    /// </summary>
    public int? Index { get; init; }

    /// <summary>Canonical BCP-47 tag (see Languages.LanguageCodes); <c>und</c> when unknown.</summary>
    public string Language { get; init; } = "und";

    /// <summary>The tag exactly as the source gave it (e.g. <c>fre</c>, <c>chi</c>), for display and diagnostics.</summary>
    public string? RawLanguage { get; init; }

    /// <summary>Lower-case codec name as ffprobe/Jellyfin report it: subrip, ass, ssa, webvtt, mov_text, hdmv_pgs_subtitle, dvd_subtitle, aac...</summary>
    public string? Codec { get; init; }

    public string? Title { get; init; }

    /// <summary>A file beside the media (sidecar) rather than a stream inside the container.</summary>
    public bool IsExternal { get; init; }

    /// <summary>Full path of an external track, when the source tells it.</summary>
    public string? Path { get; init; }

    public bool IsForced { get; init; }

    public bool IsHearingImpaired { get; init; }

    public bool IsDefault { get; init; }

    /// <summary>An audio track of commentary (ffprobe disposition <c>comment</c>): not the film's dialogue.</summary>
    public bool IsCommentary { get; init; }

    /// <summary>An audio-description track for the visually impaired (ffprobe disposition <c>visual_impaired</c>).</summary>
    public bool IsAudioDescription { get; init; }

    /// <summary>False for bitmap subtitles (PGS, VobSub) and for audio.</summary>
    public bool IsText { get; init; }

    /// <summary>Written by FluxCaption itself (known from our write-back records).</summary>
    public bool ProducedByFluxCaption { get; init; }
}
