namespace FluxCaption.Core.Libraries.Local;

/// <summary>
/// What a previous sync stored for a library's items, so the local source can hand back unchanged items
/// without running ffprobe on them again.
/// </summary>
public interface IKnownMediaItems
{
    /// <summary>The stored items of <paramref name="libraryId"/> among <paramref name="externalIds"/>, by external id.</summary>
    Task<IReadOnlyDictionary<string, KnownMediaItem>> FindAsync(Guid libraryId, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken);
}

/// <summary>A stored item's change tag and inventory, as the last sync wrote them.</summary>
public sealed record KnownMediaItem(string ExternalId, string ChangeTag, TimeSpan? Runtime, IReadOnlyList<MediaTrack> Tracks);
