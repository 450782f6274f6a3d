using System.Diagnostics;
using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Libraries.Sync;

/// <summary>
/// Pages through a source and brings <c>media_items</c> in line with it, one batched round trip per
/// page and a cleared change tracker after each, so memory stays flat however large the library is.
/// </summary>
internal sealed class LibrarySyncService(
    FluxCaptionDbContext db,
    MediaSourceResolver sources,
    MediaItemUpserter upserter,
    LibrarySyncLock syncLock,
    LibrariesTelemetry telemetry,
    TimeProvider clock,
    ILogger<LibrarySyncService> logger) : ILibrarySyncService
{
    public async Task<IReadOnlyList<LibraryEntity>> RefreshLibrariesAsync(CancellationToken cancellationToken)
    {
        var refreshed = new List<LibraryEntity>();
        foreach (var source in sources.All)
        {
            IReadOnlyList<DiscoveredLibrary> found;
            try
            {
                found = await source.ListLibrariesAsync(cancellationToken);
            }
            catch (MediaSourceException exception) when (exception.Code == "source_not_configured")
            {
                // No Jellyfin server set up yet is a normal state, not a failed refresh.
                logger.LogInformation("Skipping {Source} libraries: {Reason}", source.Kind, exception.Message);
                continue;
            }

            if (found.Count == 0)
            {
                continue;
            }

            var now = Now();
            var externalIds = found.Select(library => library.ExternalId).ToList();
            var known = await db.Libraries.Where(library => library.Source == source.Kind && externalIds.Contains(library.ExternalId))
                .ToDictionaryAsync(library => library.ExternalId, StringComparer.Ordinal, cancellationToken);
            foreach (var discovered in found.DistinctBy(library => library.ExternalId))
            {
                if (!known.TryGetValue(discovered.ExternalId, out var library))
                {
                    library = new LibraryEntity
                    {
                        Id = Guid.CreateVersion7(),
                        Source = source.Kind,
                        ExternalId = discovered.ExternalId,
                        // Jellyfin accepts uploads into every library; whether to use that is the rules' business.
                        WriteBack = true,
                        CreatedAt = now,
                    };
                    db.Libraries.Add(library);
                }

                if (library.Name != discovered.Name || library.Path != discovered.Path || library.UpdatedAt == default)
                {
                    library.Name = discovered.Name;
                    library.Path = discovered.Path;
                    library.UpdatedAt = now;
                }

                refreshed.Add(library);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return refreshed;
    }

    public async Task<LibrarySyncSummary> SyncAsync(Guid libraryId, bool full, CancellationToken cancellationToken)
    {
        var library = await db.Libraries.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == libraryId, cancellationToken)
            ?? throw new MediaSourceException("library_not_found", $"Library {libraryId} does not exist.");
        if (!await syncLock.TryAcquireAsync(libraryId, cancellationToken))
        {
            throw new LibrarySyncAlreadyRunningException(libraryId);
        }

        try
        {
            return await SyncLockedAsync(library, full, cancellationToken);
        }
        finally
        {
            await syncLock.ReleaseAsync(libraryId);
        }
    }

    public async Task<Guid?> SyncItemAsync(MediaSourceKind source, string externalId, CancellationToken cancellationToken)
    {
        var mediaSource = sources.For(source);
        var libraries = await db.Libraries.AsNoTracking().Where(library => library.Source == source && library.Enabled)
            .OrderBy(library => library.CreatedAt).ToListAsync(cancellationToken);
        var knownLibrary = await db.MediaItems.AsNoTracking().Where(item => item.Source == source && item.ExternalId == externalId)
            .OrderBy(item => item.GoneAt != null).Select(item => (Guid?)item.LibraryId).FirstOrDefaultAsync(cancellationToken);
        // The library the item was last seen in is the likeliest to still have it.
        foreach (var library in libraries.OrderBy(library => library.Id == knownLibrary ? 0 : 1))
        {
            var discovered = await mediaSource.ReadItemAsync(library, externalId, cancellationToken);
            if (discovered is null)
            {
                continue;
            }

            var home = libraries.FirstOrDefault(candidate => candidate.ExternalId == discovered.LibraryId) ?? library;
            // ON CONFLICT makes a race with a full sync of the same item harmless.
            await upserter.UpsertAsync(home.Id, source, [discovered], Now(), cancellationToken);
            logger.LogInformation("Synced item {ExternalId} of {Source} into library {LibraryId}", externalId, source, home.Id);
            return await db.MediaItems.AsNoTracking().Where(item => item.LibraryId == home.Id && item.ExternalId == discovered.ExternalId)
                .Select(item => item.Id).SingleAsync(cancellationToken);
        }

        return null;
    }

    private async Task<LibrarySyncSummary> SyncLockedAsync(LibraryEntity library, bool full, CancellationToken cancellationToken)
    {
        var started = Now();
        var stopwatch = Stopwatch.StartNew();
        var tags = LibrariesTelemetry.Tags(library.Source, full);
        using var activity = LibrariesTelemetry.ActivitySource.StartActivity("sync library");
        activity?.SetTag("fluxcaption.library_id", library.Id);
        activity?.SetTag("fluxcaption.library.source", tags[0].Value);
        activity?.SetTag("fluxcaption.library.sync_kind", tags[1].Value);
        await SetStatusAsync(library.Id, set => set
            .SetProperty(row => row.LastSyncStartedAt, started)
            .SetProperty(row => row.LastSyncStatus, "running")
            .SetProperty(row => row.LastSyncError, (string?)null)
            .SetProperty(row => row.UpdatedAt, started), cancellationToken);
        try
        {
            var source = sources.For(library.Source);
            var changedSince = full ? null : library.SyncWatermark;
            DateTimeOffset? watermark = null;
            var first = true;
            int seen = 0, added = 0, updated = 0, unchanged = 0;
            await foreach (var page in source.ReadItemsAsync(library, changedSince, cancellationToken))
            {
                if (first)
                {
                    watermark = page.ServerTime;
                    first = false;
                }

                if (page.Items.Count == 0)
                {
                    continue;
                }

                var counts = await upserter.UpsertAsync(library.Id, library.Source, page.Items, Now(), cancellationToken);
                seen += counts.Added + counts.Updated + counts.Unchanged;
                added += counts.Added;
                updated += counts.Updated;
                unchanged += counts.Unchanged;
            }

            var gone = 0;
            var finished = Now();
            if (full)
            {
                // Every item the listing returned was touched at or after `started`; the rest are gone.
                gone = await db.MediaItems
                    .Where(item => item.LibraryId == library.Id && item.GoneAt == null && item.LastSeenAt < started)
                    .ExecuteUpdateAsync(set => set.SetProperty(item => item.GoneAt, finished).SetProperty(item => item.UpdatedAt, finished), cancellationToken);
            }

            var itemCount = await db.MediaItems.CountAsync(item => item.LibraryId == library.Id && item.GoneAt == null, cancellationToken);
            var newWatermark = watermark ?? library.SyncWatermark;
            await SetStatusAsync(library.Id, set => set
                .SetProperty(row => row.SyncWatermark, newWatermark)
                .SetProperty(row => row.LastSyncFinishedAt, finished)
                .SetProperty(row => row.LastSyncStatus, "succeeded")
                .SetProperty(row => row.LastSyncItemCount, itemCount)
                .SetProperty(row => row.UpdatedAt, finished), cancellationToken);
            var summary = new LibrarySyncSummary(library.Id, full, seen, added, updated, unchanged, gone, stopwatch.Elapsed);
            telemetry.SyncItems.Record(seen, tags);
            RecordDuration(tags, "succeeded", stopwatch.Elapsed);
            logger.LogInformation(
                "Synced library {LibraryId} ({Mode}): {Seen} seen, {Added} added, {Updated} updated, {Unchanged} unchanged, {Gone} gone in {Duration}",
                library.Id, full ? "full" : "incremental", seen, added, updated, unchanged, gone, stopwatch.Elapsed);
            return summary;
        }
        catch (Exception exception)
        {
            var message = exception is OperationCanceledException ? "The sync was cancelled before it finished." : exception.Message;
            logger.LogWarning(exception, "Sync of library {LibraryId} failed", library.Id);
            activity?.SetStatus(ActivityStatusCode.Error, message);
            RecordDuration(tags, exception is OperationCanceledException ? "cancelled" : "failed", stopwatch.Elapsed);
            db.ChangeTracker.Clear();
            var failedAt = Now();
            await SetStatusAsync(library.Id, set => set
                .SetProperty(row => row.LastSyncFinishedAt, failedAt)
                .SetProperty(row => row.LastSyncStatus, "failed")
                .SetProperty(row => row.LastSyncError, message)
                .SetProperty(row => row.UpdatedAt, failedAt), CancellationToken.None);
            throw;
        }
    }

    private void RecordDuration(TagList tags, string outcome, TimeSpan elapsed)
    {
        tags.Add("outcome", outcome);
        telemetry.SyncDuration.Record(elapsed.TotalSeconds, tags);
    }

    private Task SetStatusAsync(
        Guid libraryId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<LibraryEntity>> setters,
        CancellationToken cancellationToken) =>
        db.Libraries.Where(row => row.Id == libraryId).ExecuteUpdateAsync(setters, cancellationToken);

    // Postgres keeps microseconds: rounding keeps "seen at or after the start" exact.
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
