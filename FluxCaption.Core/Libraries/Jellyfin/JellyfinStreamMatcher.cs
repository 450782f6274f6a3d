namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>
/// Finds a stored track again in a fresh stream list. Jellyfin renumbers every index after an upload or
/// delete, so the match is by identity: the file path for an external track; otherwise language, codec,
/// title and flags. The old index only breaks a tie between otherwise identical embedded tracks.
/// </summary>
internal static class JellyfinStreamMatcher
{
    public static JellyfinMediaStream? Find(IReadOnlyList<JellyfinMediaStream>? streams, MediaTrack wanted)
    {
        var candidates = (streams ?? [])
            .Where(stream => JellyfinItemMapper.KindOf(stream) == wanted.Kind && stream.IsExternal == wanted.IsExternal)
            .ToList();
        if (wanted.IsExternal && !string.IsNullOrEmpty(wanted.Path))
        {
            return candidates.FirstOrDefault(stream => string.Equals(stream.Path, wanted.Path, StringComparison.Ordinal));
        }

        var same = candidates.Where(stream => SameIdentity(stream, wanted)).ToList();
        return same.FirstOrDefault(stream => stream.Index == wanted.Index) ?? same.FirstOrDefault();
    }

    private static bool SameIdentity(JellyfinMediaStream stream, MediaTrack wanted) =>
        string.Equals(stream.Codec, wanted.Codec, StringComparison.OrdinalIgnoreCase)
        && TrackLanguage.Resolve(stream.Language, stream.Title) == wanted.Language
        && string.Equals(stream.Title ?? "", wanted.Title ?? "", StringComparison.Ordinal)
        && stream.IsForced == wanted.IsForced
        && stream.IsHearingImpaired == wanted.IsHearingImpaired;
}
