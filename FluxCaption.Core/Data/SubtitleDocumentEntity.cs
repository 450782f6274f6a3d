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

    /// <summary>1 for a subtitle as FluxCaption made or read it; each version saved from the editor counts up from there.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The first version of this subtitle (null on the first version itself): every version of one subtitle shares it.</summary>
    public Guid? FirstVersionId { get; set; }

    /// <summary>The version this one was edited from; null on the first version.</summary>
    public Guid? PreviousVersionId { get; set; }

    /// <summary>Set on a version a person saved from the editor, whose text is theirs rather than an engine's.</summary>
    public bool EditedByPerson { get; set; }

    /// <summary>Who saved the version, as the client named them; null when no name was given.</summary>
    public string? EditedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
