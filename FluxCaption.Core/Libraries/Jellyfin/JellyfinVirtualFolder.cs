namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>A library as <c>/Library/VirtualFolders</c> lists it; <see cref="ItemId"/> is the <c>parentId</c> of its items.</summary>
public sealed record JellyfinVirtualFolder
{
    public string Name { get; init; } = "";

    public IReadOnlyList<string> Locations { get; init; } = [];

    public string? CollectionType { get; init; }

    public string ItemId { get; init; } = "";

    public JellyfinLibraryOptions? LibraryOptions { get; init; }
}

/// <summary>Whether uploads land beside the video (true, the default) or in Jellyfin's metadata folder.</summary>
public sealed record JellyfinLibraryOptions(bool SaveSubtitlesWithMedia = true);
