namespace FluxCaption.Core.Libraries.Sync;

/// <summary>
/// Recognises the subtitle tracks FluxCaption wrote itself among what a source reports, from our
/// write-back records: by path when both sides know it, otherwise an external track with the same
/// language and flags as one of our writes.
/// </summary>
public static class ProducedTrackMarker
{
    public static List<MediaTrack> Mark(IEnumerable<MediaTrack> tracks, IReadOnlyCollection<WrittenSubtitleEntity> written)
    {
        if (written.Count == 0)
        {
            return tracks.Select(track => track.ProducedByFluxCaption ? track with { ProducedByFluxCaption = false } : track).ToList();
        }

        return tracks.Select(track =>
        {
            var ours = track.Kind == MediaTrackKind.Subtitle && written.Any(write => IsOurs(track, write));
            return track.ProducedByFluxCaption == ours ? track : track with { ProducedByFluxCaption = ours };
        }).ToList();
    }

    public static bool IsOurs(MediaTrack track, WrittenSubtitleEntity write)
    {
        if (track.Path is { Length: > 0 } path && write.Path is { Length: > 0 } writtenPath)
        {
            return string.Equals(path, writtenPath, StringComparison.Ordinal);
        }

        return track.IsExternal
            && string.Equals(track.Language, write.Language, StringComparison.Ordinal)
            && track.IsForced == write.IsForced
            && track.IsHearingImpaired == write.IsHearingImpaired;
    }
}
