using FluxCaption.Core.Subtitles;

namespace FluxCaption.Core.Data;

/// <summary>A subtitle file kept in Postgres, so workers on any host can read and write it.</summary>
public sealed class SubtitleDocumentEntity
{
    public Guid Id { get; set; }

    public SubtitleFormat Format { get; set; }

    /// <summary>Canonical BCP-47 tag; null when unknown.</summary>
    public string? Language { get; set; }

    public SubtitleDocumentOrigin Origin { get; set; }

    /// <summary>The file's text in its own format.</summary>
    public string Content { get; set; } = "";

    public string? FileName { get; set; }

    public string? Engine { get; set; }

    public string? Model { get; set; }

    public Guid? SourceDocumentId { get; set; }

    /// <summary>Only signs and foreign-language lines (a forced track), carried from the source track to its translation.</summary>
    public bool IsForced { get; set; }

    /// <summary>Includes sound descriptions for the deaf and hard of hearing (SDH), carried like <see cref="IsForced"/>.</summary>
    public bool IsHearingImpaired { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
