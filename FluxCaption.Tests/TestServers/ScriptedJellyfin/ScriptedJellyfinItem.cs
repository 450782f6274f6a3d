namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

/// <summary>A video the scripted server knows: a real generated file, or a synthetic entry with no file behind it.</summary>
internal sealed class ScriptedJellyfinItem
{
    public required string Id { get; init; }

    public required string LibraryId { get; init; }

    public required string Name { get; init; }

    public string Type { get; init; } = "Movie";

    /// <summary>The video file; sidecars are looked for beside it (on disk, or in the server's virtual files).</summary>
    public required string Path { get; init; }

    public long? RunTimeTicks { get; init; }

    public string Container { get; init; } = "mkv";

    public string? SeriesName { get; init; }

    public int? SeasonNumber { get; init; }

    public int? EpisodeNumber { get; init; }

    public DateTimeOffset DateCreated { get; set; }

    public DateTimeOffset DateLastSaved { get; set; }

    /// <summary>The file's own streams in file order (plus declared bitmap tracks).</summary>
    public List<ScriptedJellyfinStream> Embedded { get; } = [];

    /// <summary>Sidecars as the last refresh of this item found them; they are listed first.</summary>
    public List<ScriptedJellyfinStream> Externals { get; set; } = [];

    /// <summary>Jellyfin's order: external subtitles first, then the file's streams, numbered from 0.</summary>
    public IReadOnlyList<ScriptedJellyfinStream> Streams() => [.. Externals, .. Embedded];
}

/// <summary>One stream as the scripted server lists it.</summary>
internal sealed record ScriptedJellyfinStream
{
    public required string Type { get; init; }

    public string? Codec { get; init; }

    public string? Language { get; init; }

    public string? Title { get; init; }

    public bool IsExternal { get; init; }

    public string? Path { get; init; }

    public bool IsForced { get; init; }

    public bool IsHearingImpaired { get; init; }

    public bool IsDefault { get; init; }

    public bool IsText { get; init; }

    /// <summary>ffmpeg's stream index in the real file; null for declared or synthetic streams.</summary>
    public int? FileIndex { get; init; }

    /// <summary>The text of a synthetic embedded track, in <see cref="ContentFormat"/>.</summary>
    public byte[]? Content { get; init; }

    public string? ContentFormat { get; init; }
}
