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

    public DateTimeOffset CreatedAt { get; set; }
}
