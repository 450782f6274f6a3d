namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

/// <summary>A virtual folder of the scripted server; <see cref="ItemId"/> is its items' parentId.</summary>
internal sealed record ScriptedJellyfinLibrary(string Name, string ItemId, string Location, string CollectionType)
{
    public bool SaveSubtitlesWithMedia { get; init; } = true;
}
