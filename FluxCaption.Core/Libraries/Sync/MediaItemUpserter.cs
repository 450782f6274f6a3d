using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace FluxCaption.Core.Libraries.Sync;

/// <summary>
/// Writes one page of discovered items to <c>media_items</c> in at most four round trips, whatever
/// the page size: a projection of the rows the page already has (id, change tag, library: no jsonb),
/// our write-back records for the changed ones, one <c>INSERT ... ON CONFLICT DO UPDATE</c> over
/// unnested arrays for every new or changed item, and one UPDATE that only marks the unchanged ones seen.
/// </summary>
internal sealed class MediaItemUpserter(FluxCaptionDbContext db)
{
    private const string UpsertSql = """
        INSERT INTO media_items (id, library_id, source, external_id, path, title, kind, series_name, season_number, episode_number,
                                 runtime, streams, change_tag, first_seen_at, last_seen_at, gone_at, updated_at)
        SELECT u.id, @library_id, @source, u.external_id, u.path, u.title, u.kind, u.series_name, u.season_number, u.episode_number,
               u.runtime, u.streams::jsonb, u.change_tag, @seen_at, @seen_at, NULL, @seen_at
        FROM unnest(@ids, @external_ids, @paths, @titles, @kinds, @series_names, @season_numbers, @episode_numbers, @runtimes, @streams, @change_tags)
             AS u(id, external_id, path, title, kind, series_name, season_number, episode_number, runtime, streams, change_tag)
        ON CONFLICT (library_id, external_id) DO UPDATE SET
            path = EXCLUDED.path, title = EXCLUDED.title, kind = EXCLUDED.kind,
            series_name = EXCLUDED.series_name, season_number = EXCLUDED.season_number, episode_number = EXCLUDED.episode_number,
            runtime = EXCLUDED.runtime, streams = EXCLUDED.streams, change_tag = EXCLUDED.change_tag,
            last_seen_at = EXCLUDED.last_seen_at, gone_at = NULL, updated_at = EXCLUDED.updated_at
        """;

    public async Task<PageCounts> UpsertAsync(
        Guid libraryId, MediaSourceKind source, IReadOnlyList<DiscoveredMediaItem> page, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        // A source that lists an item twice on one page must not make us write it twice.
        var items = page.GroupBy(item => item.ExternalId, StringComparer.Ordinal).Select(group => group.Last()).ToList();
        var externalIds = items.Select(item => item.ExternalId).ToList();
        var known = await db.MediaItems.AsNoTracking()
            .Where(item => item.LibraryId == libraryId && externalIds.Contains(item.ExternalId))
            .Select(item => new { item.Id, item.ExternalId, item.ChangeTag, item.LibraryId })
            .ToDictionaryAsync(item => item.ExternalId, StringComparer.Ordinal, cancellationToken);

        var counts = new PageCounts();
        var unchanged = new List<Guid>();
        var writes = new List<(Guid Id, DiscoveredMediaItem Item)>();
        foreach (var discovered in items)
        {
            if (!known.TryGetValue(discovered.ExternalId, out var row))
            {
                writes.Add((Guid.CreateVersion7(), discovered));
                counts.Added++;
            }
            else if (row.ChangeTag == discovered.ChangeTag && row.LibraryId == libraryId)
            {
                unchanged.Add(row.Id);
                counts.Unchanged++;
            }
            else
            {
                writes.Add((row.Id, discovered));
                counts.Updated++;
            }
        }

        if (writes.Count > 0)
        {
            await WriteAsync(libraryId, source, writes, seenAt, cancellationToken);
        }

        if (unchanged.Count > 0)
        {
            await db.MediaItems.Where(item => unchanged.Contains(item.Id)).ExecuteUpdateAsync(set => set
                .SetProperty(item => item.LastSeenAt, seenAt)
                .SetProperty(item => item.GoneAt, (DateTimeOffset?)null), cancellationToken);
        }

        return counts;
    }

    private async Task WriteAsync(Guid libraryId, MediaSourceKind source, List<(Guid Id, DiscoveredMediaItem Item)> writes, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var changedIds = writes.Select(write => write.Id).ToList();
        var ours = (await db.WrittenSubtitles.AsNoTracking().Where(write => changedIds.Contains(write.MediaItemId)).ToListAsync(cancellationToken))
            .ToLookup(write => write.MediaItemId);
        // The streams column is written through EF's own converter, so raw and EF writes store the same JSON.
        var streamsConverter = (ValueConverter<List<MediaTrack>, string>)db.Model.FindEntityType(typeof(MediaItemEntity))!
            .FindProperty(nameof(MediaItemEntity.Streams))!.GetValueConverter()!;
        var items = writes.Select(write => write.Item).ToList();
        NpgsqlParameter[] parameters =
        [
            new("library_id", libraryId),
            new("source", source.ToString().ToLowerInvariant()),
            new("seen_at", seenAt),
            new("ids", writes.Select(write => write.Id).ToArray()),
            new("external_ids", items.Select(item => item.ExternalId).ToArray()),
            new("paths", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = items.Select(item => item.Path).ToArray() },
            new("titles", items.Select(item => item.Title).ToArray()),
            new("kinds", items.Select(item => item.Kind).ToArray()),
            new("series_names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = items.Select(item => item.SeriesName).ToArray() },
            new("season_numbers", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = items.Select(item => item.SeasonNumber).ToArray() },
            new("episode_numbers", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = items.Select(item => item.EpisodeNumber).ToArray() },
            new("runtimes", NpgsqlDbType.Array | NpgsqlDbType.Interval) { Value = items.Select(item => item.Runtime).ToArray() },
            new("streams", writes.Select(write => streamsConverter.ConvertToProviderTyped(
                ProducedTrackMarker.Mark(write.Item.Tracks, [.. ours[write.Id]]))).ToArray()),
            new("change_tags", items.Select(item => item.ChangeTag).ToArray()),
        ];
        await db.Database.ExecuteSqlRawAsync(UpsertSql, parameters, cancellationToken);
    }
}

internal sealed class PageCounts
{
    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }
}
