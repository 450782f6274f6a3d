using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Core.Libraries.Sync;

/// <summary>
/// Writes one page of discovered items to <c>media_items</c> in a fixed number of round trips: one
/// read of the rows the page already has (and of our write-back records for them), one SaveChanges
/// for the new and changed rows, and one UPDATE that only touches the unchanged ones.
/// </summary>
internal sealed class MediaItemUpserter(FluxCaptionDbContext db)
{
    public async Task<PageCounts> UpsertAsync(
        Guid libraryId, MediaSourceKind source, IReadOnlyList<DiscoveredMediaItem> page, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        // A source that lists an item twice on one page must not make us insert it twice.
        var items = page.GroupBy(item => item.ExternalId, StringComparer.Ordinal).Select(group => group.Last()).ToList();
        var externalIds = items.Select(item => item.ExternalId).ToList();
        var existing = await db.MediaItems
            .Where(item => item.Source == source && externalIds.Contains(item.ExternalId))
            .ToDictionaryAsync(item => item.ExternalId, StringComparer.Ordinal, cancellationToken);
        var existingIds = existing.Values.Select(item => item.Id).ToList();
        var writes = existingIds.Count == 0
            ? []
            : await db.WrittenSubtitles.AsNoTracking().Where(write => existingIds.Contains(write.MediaItemId)).ToListAsync(cancellationToken);
        var written = writes.ToLookup(write => write.MediaItemId);

        var counts = new PageCounts();
        var unchanged = new List<Guid>();
        foreach (var discovered in items)
        {
            if (existing.TryGetValue(discovered.ExternalId, out var row))
            {
                if (row.ChangeTag == discovered.ChangeTag && row.LibraryId == libraryId)
                {
                    unchanged.Add(row.Id);
                    counts.Unchanged++;
                    // Not tracked for saving: the one UPDATE below touches it.
                    db.Entry(row).State = EntityState.Detached;
                    continue;
                }

                Apply(row, discovered, libraryId, [.. written[row.Id]], seenAt);
                counts.Updated++;
            }
            else
            {
                var added = new MediaItemEntity { Id = Guid.CreateVersion7(), Source = source, ExternalId = discovered.ExternalId, FirstSeenAt = seenAt };
                Apply(added, discovered, libraryId, [], seenAt);
                db.MediaItems.Add(added);
                counts.Added++;
                counts.AddedIds.Add(added.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (unchanged.Count > 0)
        {
            await db.MediaItems.Where(item => unchanged.Contains(item.Id)).ExecuteUpdateAsync(set => set
                .SetProperty(item => item.LastSeenAt, seenAt)
                .SetProperty(item => item.GoneAt, (DateTimeOffset?)null), cancellationToken);
        }

        counts.Ids.AddRange(existing.Values.Select(row => row.Id));
        counts.Ids.AddRange(counts.AddedIds);
        return counts;
    }

    private static void Apply(MediaItemEntity row, DiscoveredMediaItem discovered, Guid libraryId, List<WrittenSubtitleEntity> written, DateTimeOffset seenAt)
    {
        row.LibraryId = libraryId;
        row.Path = discovered.Path;
        row.Title = discovered.Title;
        row.Kind = discovered.Kind;
        row.SeriesName = discovered.SeriesName;
        row.SeasonNumber = discovered.SeasonNumber;
        row.EpisodeNumber = discovered.EpisodeNumber;
        row.Runtime = discovered.Runtime;
        row.Streams = ProducedTrackMarker.Mark(discovered.Tracks, written);
        row.ChangeTag = discovered.ChangeTag;
        row.LastSeenAt = seenAt;
        row.GoneAt = null;
        row.UpdatedAt = seenAt;
    }
}

internal sealed class PageCounts
{
    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public List<Guid> AddedIds { get; } = [];

    /// <summary>Ids of every item on the page, new or old.</summary>
    public List<Guid> Ids { get; } = [];
}
