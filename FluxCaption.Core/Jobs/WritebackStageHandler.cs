using System.Security.Cryptography;
using System.Text;
using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Sync;
using FluxCaption.Core.Subtitles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// The write-back stage of a library job: puts the translation where the media server shows it,
/// replacing our own earlier subtitle for that language, then records the write, adds the track to the
/// item's inventory and completes the job in one transaction. A retry that finds its record completes
/// without writing again.
/// </summary>
internal sealed class WritebackStageHandler(
    FluxCaptionDbContext db,
    MediaSourceResolver sources,
    JobStateStore state,
    TimeProvider clock,
    ILogger<WritebackStageHandler> logger)
{
    public async Task<StageResult> RunAsync(Job job, string owner, CancellationToken cancellationToken)
    {
        var item = await db.MediaItems.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == job.MediaItemId, cancellationToken)
            ?? throw new JobFailureException(JobErrorCodes.MediaItemMissing, $"Media item {job.MediaItemId} no longer exists.");
        var library = await db.Libraries.AsNoTracking().SingleAsync(candidate => candidate.Id == item.LibraryId, cancellationToken);
        var result = await db.SubtitleDocuments.AsNoTracking().SingleOrDefaultAsync(document => document.Id == job.ResultDocumentId, cancellationToken)
            ?? throw new JobFailureException(JobErrorCodes.ResultDocumentMissing, $"The translation {job.ResultDocumentId} to write back does not exist.");

        var mine = await db.WrittenSubtitles.AsNoTracking().SingleOrDefaultAsync(write => write.JobId == job.Id, cancellationToken);
        WrittenSubtitleEntity? previous = null;
        var isNew = false;
        var replacesMine = mine is not null && mine.WrittenAt < result.CreatedAt;
        if (replacesMine)
        {
            // Written before this result existed: the job was asked again for its kept lines. The new
            // result replaces that subtitle (the writer overwrites or removes it as "previous") and the
            // job's one record is updated in place, so the item never shows two of our subtitles.
            previous = mine;
            mine = null;
        }

        if (mine is null && library.Source == MediaSourceKind.Local && !library.WriteBack)
        {
            // A read-only root: the translation stays in FluxCaption for download, and nothing is written.
            logger.LogInformation("Job {JobId}: library {LibraryId} is read-only; the translation is kept but not written back", job.Id, library.Id);
            return await CompleteAsync(job, owner, result.Id, null, null, replacesMine: false, cancellationToken);
        }

        if (mine is null)
        {
            previous ??= await db.WrittenSubtitles.AsNoTracking()
                .Where(write => write.MediaItemId == item.Id && write.Language == job.TargetLanguage)
                .OrderByDescending(write => write.WrittenAt).FirstOrDefaultAsync(cancellationToken);
            var request = new SubtitleWriteRequest(job.TargetLanguage, result.Format, result.Content, result.IsForced, result.IsHearingImpaired, previous);
            var outcome = await sources.For(library.Source).WriteSubtitleAsync(library, item, request, cancellationToken);
            mine = new WrittenSubtitleEntity
            {
                Id = replacesMine ? previous!.Id : Guid.CreateVersion7(),
                MediaItemId = item.Id,
                JobId = job.Id,
                Language = job.TargetLanguage,
                Format = SubtitleFile.Extension(result.Format).TrimStart('.'),
                IsForced = result.IsForced,
                IsHearingImpaired = result.IsHearingImpaired,
                Path = outcome.Path,
                ContentHash = string.IsNullOrEmpty(outcome.ContentHash) ? Hash(result.Content) : outcome.ContentHash,
                WrittenAt = clock.GetUtcNow(),
            };
            isNew = true;
            logger.LogInformation("Job {JobId} wrote {Language} for item {MediaItemId} to {Path}", job.Id, job.TargetLanguage, item.Id, outcome.Path);
        }
        else
        {
            logger.LogInformation("Job {JobId} was written back by an earlier attempt; completing without writing again", job.Id);
        }

        return await CompleteAsync(job, owner, result.Id, isNew ? mine : null, previous, replacesMine, cancellationToken);
    }

    private async Task<StageResult> CompleteAsync(
        Job job, string owner, Guid resultId, WrittenSubtitleEntity? newWrite, WrittenSubtitleEntity? previous, bool replacesMine, CancellationToken cancellationToken)
    {
        // Once the file is written its record must be kept, even if the stage is being stopped meanwhile.
        if (newWrite is not null)
        {
            cancellationToken = CancellationToken.None;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (newWrite is not null)
            {
                if (replacesMine)
                {
                    db.WrittenSubtitles.Update(newWrite);
                }
                else
                {
                    db.WrittenSubtitles.Add(newWrite);
                }

                var row = await db.MediaItems.FromSql($"SELECT * FROM media_items WHERE id = {newWrite.MediaItemId} FOR UPDATE").SingleAsync(cancellationToken);
                row.Streams = WithWrittenTrack(row.Streams, newWrite, previous);
                row.UpdatedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
            }

            var completed = await state.CompleteAsync(job.Id, owner, resultId, job.Warnings, cancellationToken);
            // The file exists whatever became of the job (a cancel that came too late, a lost lease):
            // its record is kept, so a later attempt neither writes it twice nor forgets it is ours.
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return completed ? StageResult.Completed : StageResult.Refused;
        });
    }

    private static List<MediaTrack> WithWrittenTrack(List<MediaTrack> streams, WrittenSubtitleEntity written, WrittenSubtitleEntity? previous)
    {
        var kept = streams.Where(track => track.Kind != MediaTrackKind.Subtitle
            || !(ProducedTrackMarker.IsOurs(track, written) || (previous is not null && ProducedTrackMarker.IsOurs(track, previous))));
        return
        [
            .. kept,
            new MediaTrack
            {
                Kind = MediaTrackKind.Subtitle,
                Language = written.Language,
                Codec = written.Format switch { "srt" => "subrip", "vtt" => "webvtt", var other => other },
                IsExternal = true,
                Path = written.Path,
                IsText = true,
                IsForced = written.IsForced,
                IsHearingImpaired = written.IsHearingImpaired,
                ProducedByFluxCaption = true,
            },
        ];
    }

    private static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
