using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// The transcripts made from tracks (speech or OCR), one per (item, track). Two jobs of one item may
/// work on the same transcript at once on two workers: windows are idempotent and the first finished
/// document wins, so the worst case is work done twice, never two transcripts.
/// </summary>
public sealed class SourceTranscriptStore(FluxCaptionDbContext db, TimeProvider clock)
{
    public async Task<SourceTranscriptEntity> GetOrCreateAsync(Guid mediaItemId, string trackKey, string kind, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO source_transcripts (id, media_item_id, track_key, kind, created_at, updated_at)
            VALUES ({Guid.CreateVersion7()}, {mediaItemId}, {trackKey}, {kind}, {now}, {now})
            ON CONFLICT (media_item_id, track_key) DO NOTHING
            """, cancellationToken);
        return await db.SourceTranscripts.AsNoTracking()
            .SingleAsync(transcript => transcript.MediaItemId == mediaItemId && transcript.TrackKey == trackKey, cancellationToken);
    }

    public async Task SaveProgressAsync(Guid id, string progress, string? language, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.SourceTranscripts.Where(transcript => transcript.Id == id && transcript.DocumentId == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(transcript => transcript.Progress, progress)
                .SetProperty(transcript => transcript.Language, transcript => language ?? transcript.Language)
                .SetProperty(transcript => transcript.UpdatedAt, now), cancellationToken);
    }

    /// <summary>
    /// Stores the finished document and attaches it to the transcript, unless another job finished it
    /// first: then nothing of ours is kept and theirs is returned.
    /// </summary>
    public async Task<SourceTranscriptEntity> CompleteAsync(
        Guid id, SubtitleDocumentEntity document, string? language, string engine, string? model, string? warnings, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.SubtitleDocuments.Add(document);
            await db.SaveChangesAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var rows = await db.SourceTranscripts.Where(transcript => transcript.Id == id && transcript.DocumentId == null)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(transcript => transcript.DocumentId, document.Id)
                    .SetProperty(transcript => transcript.Language, language)
                    .SetProperty(transcript => transcript.Engine, engine)
                    .SetProperty(transcript => transcript.Model, model)
                    .SetProperty(transcript => transcript.Warnings, warnings)
                    // The windows are not needed once the document exists.
                    .SetProperty(transcript => transcript.Progress, (string?)null)
                    .SetProperty(transcript => transcript.UpdatedAt, now), cancellationToken);
            if (rows == 1)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
        });
        return await db.SourceTranscripts.AsNoTracking().SingleAsync(transcript => transcript.Id == id, cancellationToken);
    }
}
