using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Core.Libraries.Local;

/// <summary><see cref="IKnownMediaItems"/> from the <c>media_items</c> table, one query per page of items.</summary>
public sealed class StoredMediaItems(FluxCaptionDbContext db) : IKnownMediaItems
{
    public async Task<IReadOnlyDictionary<string, KnownMediaItem>> FindAsync(
        Guid libraryId, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
    {
        if (externalIds.Count == 0)
        {
            return new Dictionary<string, KnownMediaItem>();
        }

        var ids = externalIds.ToList();
        var rows = await db.MediaItems.AsNoTracking()
            .Where(item => item.Source == MediaSourceKind.Local && item.LibraryId == libraryId && ids.Contains(item.ExternalId))
            .Select(item => new { item.ExternalId, item.ChangeTag, item.Runtime, item.Streams })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            row => row.ExternalId,
            row => new KnownMediaItem(row.ExternalId, row.ChangeTag, row.Runtime, row.Streams));
    }
}
