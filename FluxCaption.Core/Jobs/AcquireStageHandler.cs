using FluxCaption.Core.Data;
using FluxCaption.Core.Languages;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Coverage;
using FluxCaption.Core.Libraries.Sources;
using FluxCaption.Core.Libraries.Sync;
using FluxCaption.Core.Subtitles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// The acquire stage (queue <c>scan</c>) of a library job: reads the item afresh from its source,
/// chooses the track to start from, and either stores that subtitle as the job's source document and
/// moves the job to translation, or moves it to the <c>asr</c> stage with the track to make a source
/// from (a bitmap subtitle track to read, or an audio track to transcribe).
/// </summary>
internal sealed class AcquireStageHandler(
    FluxCaptionDbContext db,
    MediaSourceResolver sources,
    ISubtitleContentCodec codec,
    ICoverageRulesSource coverage,
    JobStateStore state,
    TimeProvider clock,
    ILogger<AcquireStageHandler> logger)
{
    public async Task<StageResult> RunAsync(Job job, string owner, CancellationToken cancellationToken)
    {
        var item = await db.MediaItems.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == job.MediaItemId, cancellationToken)
            ?? throw new JobFailureException(JobErrorCodes.MediaItemMissing, $"Media item {job.MediaItemId} no longer exists.");
        var library = await db.Libraries.AsNoTracking().SingleAsync(candidate => candidate.Id == item.LibraryId, cancellationToken);
        var source = sources.For(library.Source);
        var fresh = await source.ReadItemAsync(library, item.ExternalId, cancellationToken)
            ?? throw new JobFailureException("item_not_found", $"\"{item.Title}\" is no longer in the {library.Source.ToString().ToLowerInvariant()} library \"{library.Name}\".");
        var written = await db.WrittenSubtitles.AsNoTracking().Where(write => write.MediaItemId == item.Id).ToListAsync(cancellationToken);
        var tracks = ProducedTrackMarker.Mark(fresh.Tracks, written);
        if (await CoveringTrackAsync(tracks, job.TargetLanguage, cancellationToken) is { } covering)
        {
            // Someone added the language between planning and now: translating would write a second track beside theirs.
            var reason = $"A {covering.Language} subtitle ({Describe(covering)}) now covers {job.TargetLanguage}: nothing to translate.";
            logger.LogInformation("Job {JobId} ends without output: {Reason}", job.Id, reason);
            var ended = await CommitAsync(item.Id, tracks, fresh.ChangeTag, null,
                async () => await state.EndNotNeededAsync(job.Id, owner, JobErrorCodes.AlreadyCovered, reason, cancellationToken), cancellationToken);
            return ended ? StageResult.NotNeeded(reason) : StageResult.Refused;
        }

        var choice = SourceChooser.Choose(tracks, job.TargetLanguage, AcquireCheckpoint.ReadSourceLanguages(job.Checkpoint));
        logger.LogInformation("Job {JobId} source for {TargetLanguage}: {Choice}", job.Id, job.TargetLanguage, choice.Reason);

        item.Streams = tracks;
        var (advance, document) = await PlanAsync(job, item, library, source, choice, cancellationToken);
        var status = (JobStatus?)null;
        await CommitAsync(item.Id, tracks, fresh.ChangeTag, document, async () =>
        {
            status = await state.AdvanceAsync(job.Id, owner, advance, cancellationToken);
            return status is not null;
        }, cancellationToken);
        var committed = status;
        return StageResult.FromAdvance(committed, advance.Next, advance.WaitReason);
    }

    /// <summary>
    /// Where the job goes from here: to translation with a source document (a fetched text track, or the
    /// item's transcript when only FluxCaption's own text exists), or to the asr stage with the track to
    /// make a source from.
    /// </summary>
    private async Task<(StageAdvance Advance, SubtitleDocumentEntity? Document)> PlanAsync(
        Job job, MediaItemEntity item, LibraryEntity library, IMediaLibrarySource source, SourceChoice choice, CancellationToken cancellationToken)
    {
        if (choice is { Kind: SourceChoiceKind.TextSubtitle, Track.ProducedByFluxCaption: true }
            && await TranscriptAsync(item.Id, job.TargetLanguage, cancellationToken) is { } transcript)
        {
            // Our own subtitle was made from this transcript (or translated from it): starting from the
            // transcript itself keeps one machine step between the speech and the result, not two.
            logger.LogInformation("Job {JobId} starts from the item's {Origin} transcript {DocumentId} rather than FluxCaption's own subtitle",
                job.Id, transcript.Origin, transcript.Id);
            return (new StageAdvance(JobStage.Translate)
            {
                SourceDocumentId = transcript.Id,
                SourceLanguage = transcript.Language,
                OutputFormat = SubtitleFormat.Srt,
                ClearCheckpoint = true,
            }, null);
        }

        switch (choice.Kind)
        {
            case SourceChoiceKind.TextSubtitle:
                var track = choice.Track!;
                var fetched = await source.FetchSubtitleAsync(library, item, track, cancellationToken);
                // Refuse an unreadable source here, where the error names the track, not in translation.
                codec.Read(fetched.Content, fetched.Format);
                var language = LanguageCodes.IsUndetermined(track.Language) ? null : track.Language;
                var document = new SubtitleDocumentEntity
                {
                    Id = Guid.CreateVersion7(),
                    Format = fetched.Format,
                    Language = language,
                    Origin = track.IsExternal ? SubtitleDocumentOrigin.Existing : SubtitleDocumentOrigin.Extracted,
                    Content = fetched.Content,
                    FileName = SourceFileName(item, language, fetched.Format),
                    IsForced = track.IsForced,
                    IsHearingImpaired = track.IsHearingImpaired,
                    CreatedAt = clock.GetUtcNow(),
                };
                return (new StageAdvance(JobStage.Translate)
                {
                    SourceDocumentId = document.Id,
                    SourceLanguage = language,
                    OutputFormat = OutputFormatFor(fetched.Format),
                    ClearCheckpoint = true,
                }, document);
            case SourceChoiceKind.NeedsOcr:
                return (MakeSourceAdvance(SourceTranscriptEntity.OcrKind, choice.Track!, job), null);
            default:
                // Nothing to hear either: waiting would be waiting for ever.
                var audio = choice.Track ?? throw new JobFailureException(JobErrorCodes.NoSource,
                    $"\"{item.Title}\" has no subtitle to translate and no audio track to transcribe.");
                return (MakeSourceAdvance(SourceTranscriptEntity.SpeechKind, audio, job), null);
        }
    }

    /// <summary>A finished transcript of the item (speech or OCR) in another language than the target, newest first.</summary>
    private async Task<SubtitleDocumentEntity?> TranscriptAsync(Guid itemId, string targetLanguage, CancellationToken cancellationToken)
    {
        var documents = await db.SourceTranscripts.AsNoTracking()
            .Where(transcript => transcript.MediaItemId == itemId && transcript.DocumentId != null)
            .Join(db.SubtitleDocuments, transcript => transcript.DocumentId, document => document.Id, (_, document) => document)
            .OrderByDescending(document => document.CreatedAt)
            .ToListAsync(cancellationToken);
        return documents.FirstOrDefault(document => document.Language is null || !LanguageCodes.Covers(document.Language, targetLanguage));
    }

    // The asr stage makes the source (speech recognition or OCR) from the chosen track; it re-reads the item itself.
    private static StageAdvance MakeSourceAdvance(string kind, MediaTrack track, Job job) => new(JobStage.Asr)
    {
        Checkpoint = new SourceCheckpoint
        {
            Kind = kind,
            Track = track,
            SourceLanguages = AcquireCheckpoint.ReadSourceLanguages(job.Checkpoint),
        }.Write(),
    };

    /// <summary>
    /// Saves the item's fresh track inventory (and the source document, if any) together with the job's
    /// new state in one transaction; <paramref name="writeState"/> returning false (lease gone, cancel won)
    /// rolls everything back.
    /// </summary>
    private async Task<bool> CommitAsync(
        Guid itemId, List<MediaTrack> tracks, string changeTag, SubtitleDocumentEntity? document, Func<Task<bool>> writeState, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Locked: a write-back of another language of this item must not lose our inventory or we its track.
            var row = await db.MediaItems.FromSql($"SELECT * FROM media_items WHERE id = {itemId} FOR UPDATE").SingleAsync(cancellationToken);
            row.Streams = tracks;
            row.ChangeTag = changeTag;
            row.UpdatedAt = clock.GetUtcNow();
            if (document is not null)
            {
                db.SubtitleDocuments.Add(document);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (!await writeState())
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return true;
        });
    }

    // Our own tracks do not count: a job may be redoing one (a retry, a translation asked for by hand).
    private async Task<MediaTrack?> CoveringTrackAsync(List<MediaTrack> tracks, string language, CancellationToken cancellationToken)
    {
        var rules = await coverage.GetAsync(cancellationToken);
        return tracks.FirstOrDefault(track => !track.ProducedByFluxCaption && CoverageEvaluator.TrackCovers(track, language, rules));
    }

    private static string Describe(MediaTrack track) =>
        track.IsExternal && !string.IsNullOrEmpty(track.Path) ? Path.GetFileName(track.Path)
        : string.IsNullOrWhiteSpace(track.Title) ? $"embedded track {track.Index}"
        : $"embedded track {track.Index}, \"{track.Title}\"";

    /// <summary>ASS and SSA keep their own format so styles and positions survive; everything else becomes SRT, which every player and server reads.</summary>
    internal static SubtitleFormat OutputFormatFor(SubtitleFormat sourceFormat) =>
        sourceFormat is SubtitleFormat.Ass or SubtitleFormat.Ssa ? sourceFormat : SubtitleFormat.Srt;

    private static string SourceFileName(MediaItemEntity item, string? language, SubtitleFormat format)
    {
        var baseName = Path.GetFileNameWithoutExtension(item.Path ?? "");
        if (string.IsNullOrWhiteSpace(baseName))
        {
            baseName = string.IsNullOrWhiteSpace(item.Title) ? "subtitle" : item.Title;
        }

        return language is null ? $"{baseName}{SubtitleFile.Extension(format)}" : $"{baseName}.{language}{SubtitleFile.Extension(format)}";
    }

}
