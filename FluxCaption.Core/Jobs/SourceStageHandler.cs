using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using FluxCaption.Core.Languages;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Sync;
using FluxCaption.Core.Media;
using FluxCaption.Core.Ocr;
using FluxCaption.Core.Speech;
using FluxCaption.Core.Speech.Transcription;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// The <c>asr</c> stage of a library job whose item has no text subtitle to start from: makes the
/// source from the track the acquire stage chose, by OCR of a bitmap subtitle track or by speech
/// recognition of an audio track, as a transcript shared by every target language of the item. Then
/// the job moves on to translation, or straight to write-back when the transcript is already in the
/// target language.
/// </summary>
internal sealed class SourceStageHandler(
    FluxCaptionDbContext db,
    MediaSourceResolver sources,
    ISubtitleContentCodec codec,
    SourceTranscriptStore transcripts,
    SpeechTranscriber speech,
    IBitmapSubtitleReader ocr,
    IOptions<MediaOptions> mediaOptions,
    IOptions<SpeechOptions> speechOptions,
    IGapJobPlanner planner,
    JobStateStore state,
    JobEventRecorder events,
    TimeProvider clock,
    ILogger<SourceStageHandler> logger)
{
    public const string EmptyCaptionsCode = "ocr_empty_captions";

    public const string OcrNoteCode = "ocr_note";

    public async Task<StageResult> RunAsync(Job job, string owner, CancellationToken cancellationToken)
    {
        var checkpoint = SourceCheckpoint.TryRead(job.Checkpoint)
            ?? throw new JobFailureException("source_checkpoint_missing", "The job reached the asr stage without the track to make its source from; retry it to choose again.");
        var item = await db.MediaItems.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == job.MediaItemId, cancellationToken)
            ?? throw new JobFailureException(JobErrorCodes.MediaItemMissing, $"Media item {job.MediaItemId} no longer exists.");
        var transcript = await transcripts.GetOrCreateAsync(item.Id, SourceTrackKey.For(checkpoint.Track), checkpoint.Kind, cancellationToken);
        if (transcript.DocumentId is null)
        {
            transcript = await MakeAsync(job, owner, item, checkpoint, transcript, cancellationToken);
        }
        else
        {
            logger.LogInformation("Job {JobId} reuses the {Kind} transcript {TranscriptId} of its item", job.Id, transcript.Kind, transcript.Id);
        }

        var document = await db.SubtitleDocuments.AsNoTracking().SingleAsync(candidate => candidate.Id == transcript.DocumentId, cancellationToken);
        var warnings = transcript.Warnings;
        await PlanTranscriptWriteAsync(job, item, document, cancellationToken);
        // Speech in the target language needs no translation: the transcript is the subtitle.
        var advance = document.Language is { } language && LanguageCodes.Covers(language, job.TargetLanguage)
            ? new StageAdvance(JobStage.Writeback) { SourceDocumentId = document.Id, SourceLanguage = language, ResultDocumentId = document.Id, Warnings = warnings, ClearCheckpoint = true }
            : new StageAdvance(JobStage.Translate)
            {
                SourceDocumentId = document.Id,
                SourceLanguage = document.Language,
                OutputFormat = SubtitleFormat.Srt,
                Warnings = warnings,
                ClearCheckpoint = true,
            };
        var status = await state.AdvanceAsync(job.Id, owner, advance, cancellationToken);
        return StageResult.FromAdvance(status, advance.Next, null);
    }

    // Planned on every pass, not only when the transcript is new: a retry after a failure here still plans it,
    // and the planner creates nothing when the language is covered or a job for it already exists.
    private async Task PlanTranscriptWriteAsync(Job job, MediaItemEntity item, SubtitleDocumentEntity transcript, CancellationToken cancellationToken)
    {
        if (!speechOptions.Value.WriteTranscript || transcript.Origin != SubtitleDocumentOrigin.Asr
            || transcript.Language is not { } language || LanguageCodes.Covers(language, job.TargetLanguage))
        {
            return;
        }

        var planned = await planner.PlanAsync(new GapPlanRequest([language]) { MediaItemIds = [item.Id], Priority = job.Priority }, cancellationToken);
        if (planned.JobsCreated > 0)
        {
            logger.LogInformation("Job {JobId} planned job {TranscriptJobId} to write the {Language} transcript back", job.Id, planned.CreatedJobIds[0], language);
        }
    }

    private async Task<SourceTranscriptEntity> MakeAsync(
        Job job, string owner, MediaItemEntity item, SourceCheckpoint checkpoint, SourceTranscriptEntity transcript, CancellationToken cancellationToken)
    {
        var (media, track) = await LocateAsync(item, checkpoint.Track, cancellationToken);
        await using var mediaLease = media;
        var mediaPath = media.Path;
        var hint = LanguageCodes.IsUndetermined(track.Language) ? null : track.Language;
        string? language;
        string engine;
        string? model;
        SubtitleDocument made;
        IReadOnlyList<DocumentWarning> notes;
        if (checkpoint.Kind == SourceTranscriptEntity.OcrKind)
        {
            await events.RecordAsync(job.Id, JobEventTypes.StageChanged, $"reading images of the {Describe(track)}", cancellationToken);
            var read = await ocr.ReadTrackAsync(mediaPath, track, hint, new Progress<double>(fraction => _ = events.ProgressAsync(job, fraction)), cancellationToken);
            (made, language, engine, model) = (read.Document, hint, "tesseract", null);
            notes = [.. OcrNotes(read)];
        }
        else
        {
            await events.RecordAsync(job.Id, JobEventTypes.StageChanged, $"transcribing the {Describe(track)}", cancellationToken);
            var result = await speech.TranscribeAsync(mediaPath, track, hint, TranscriptProgress.Read(transcript.Progress), async (run, token) =>
            {
                await transcripts.SaveProgressAsync(transcript.Id, run.Saved.Write(), run.Saved.Language, token);
                var fraction = run.TotalSeconds <= 0 ? 1.0 : Math.Clamp(run.DoneSeconds / run.TotalSeconds, 0, 1);
                var saved = checkpoint with { AudioSeconds = run.TotalSeconds, DoneSeconds = run.DoneSeconds, EtaSeconds = run.EtaSeconds };
                if (!await state.SaveCheckpointAsync(job.Id, owner, saved.Write(), fraction, token))
                {
                    throw new LeaseLostException(job.Id);
                }

                await events.ProgressAsync(job, fraction);
            }, cancellationToken);
            (made, language, engine, model, notes) = (result.Document, result.Language, result.Engine, result.Model, result.Warnings);
        }

        if (made.Cues.Count == 0)
        {
            throw new JobFailureException("source_empty", checkpoint.Kind == SourceTranscriptEntity.OcrKind
                ? $"No text could be read from the {Describe(track)}."
                : $"No speech was recognised in the {Describe(track)}.");
        }

        var document = new SubtitleDocumentEntity
        {
            Id = Guid.CreateVersion7(),
            Format = SubtitleFormat.Srt,
            Language = language,
            Origin = checkpoint.Kind == SourceTranscriptEntity.OcrKind ? SubtitleDocumentOrigin.Ocr : SubtitleDocumentOrigin.Asr,
            Content = codec.Write(made),
            FileName = $"{BaseName(item)}{(language is null ? "" : "." + language)}.srt",
            Engine = engine,
            Model = model,
            IsForced = track.IsForced,
            IsHearingImpaired = track.IsHearingImpaired,
            CreatedAt = clock.GetUtcNow(),
        };
        return await transcripts.CompleteAsync(transcript.Id, document, language, engine, model, SourceWarnings.Write(notes), cancellationToken);
    }

    /// <summary>The media file the worker reads and the chosen track as a fresh read of the item lists it now.</summary>
    private async Task<(MediaFileAccess Media, MediaTrack Track)> LocateAsync(MediaItemEntity item, MediaTrack chosen, CancellationToken cancellationToken)
    {
        var library = await db.Libraries.AsNoTracking().SingleAsync(candidate => candidate.Id == item.LibraryId, cancellationToken);
        var source = sources.For(library.Source);
        var fresh = await source.ReadItemAsync(library, item.ExternalId, cancellationToken)
            ?? throw new JobFailureException("item_not_found", $"\"{item.Title}\" is no longer in the library \"{library.Name}\".");
        var track = fresh.Tracks.FirstOrDefault(candidate => SourceTrackKey.Same(chosen, candidate))
            ?? throw new JobFailureException(JobErrorCodes.TrackGone, $"The {Describe(chosen)} of \"{item.Title}\" is gone; retry the job to choose its source again.");
        item.Path = fresh.Path ?? item.Path;
        try
        {
            return (await source.OpenMediaFileAsync(library, item, Path.Combine(mediaOptions.Value.TempDirectory, "media"), cancellationToken), track);
        }
        catch (MediaSourceException error) when (error.Code == MediaFileAccessCodes.NotReadable)
        {
            throw new JobFailureException(JobErrorCodes.MediaNotReadable, $"To read the {Describe(chosen)}: {error.Message}", inner: error);
        }
    }

    private static IEnumerable<DocumentWarning> OcrNotes(OcrTranscript read)
    {
        if (read.EmptyCaptions > 0)
        {
            yield return new DocumentWarning(EmptyCaptionsCode, $"OCR found no text in {read.EmptyCaptions} of {read.Captions} captions; they are left out.");
        }

        foreach (var warning in read.Warnings)
        {
            yield return new DocumentWarning(OcrNoteCode, warning);
        }
    }

    private static string Describe(MediaTrack track) => SourceTrackKey.Describe(track);

    private static string BaseName(MediaItemEntity item)
    {
        var name = Path.GetFileNameWithoutExtension(item.Path ?? "");
        return string.IsNullOrWhiteSpace(name) ? (string.IsNullOrWhiteSpace(item.Title) ? "subtitle" : item.Title) : name;
    }
}
