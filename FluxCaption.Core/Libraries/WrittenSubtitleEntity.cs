namespace FluxCaption.Core.Libraries;

/// <summary>
/// A subtitle FluxCaption wrote back (Jellyfin upload or sidecar file). It is how we know a track is
/// ours: only ours are ever replaced or deleted, and a retried write-back finds it and does not write twice.
/// </summary>
public sealed class WrittenSubtitleEntity
{
    public Guid Id { get; set; }

    public Guid MediaItemId { get; set; }

    public Guid JobId { get; set; }

    /// <summary>Canonical BCP-47 tag of the written subtitle.</summary>
    public string Language { get; set; } = "";

    /// <summary>File extension written: srt, ass, vtt...</summary>
    public string Format { get; set; } = "";

    public bool IsForced { get; set; }

    public bool IsHearingImpaired { get; set; }

    /// <summary>Full path of the file written (sidecar path, or the path Jellyfin reports for the uploaded stream).</summary>
    public string? Path { get; set; }

    /// <summary>SHA-256 of the bytes written, to recognise our file on disk.</summary>
    public string ContentHash { get; set; } = "";

    public DateTimeOffset WrittenAt { get; set; }
}
