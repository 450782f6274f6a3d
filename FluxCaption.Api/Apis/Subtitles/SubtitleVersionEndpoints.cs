using FluxCaption.Contracts.Subtitles;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Subtitles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis.Subtitles;

/// <summary>
/// Saving a person's edit as a new version, and writing a version back through its job. A version is
/// never changed once stored: an edit adds the next version (the one edited stays, to compare or bring back).
/// Corrected plain lines of a translation also correct the translation memory (<see cref="SubtitleMemoryCorrections"/>).
/// </summary>
public static class SubtitleVersionEndpoints
{
    /// <summary>Who edits, when the body does not say: the Web app's name for its user (until sign-in names them).</summary>
    public const string EditorHeader = "X-FluxCaption-Editor";

    public static async Task<Results<Created<SubtitleDocumentView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid id, NewSubtitleVersionRequest request, HttpRequest http, FluxCaptionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var edited = await db.SubtitleDocuments.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        if (edited is null)
        {
            return SubtitlesApi.NotFound(id);
        }

        if (SubtitleStore.TryParse(edited) is not { } document)
        {
            return SubtitlesApi.Unreadable(edited);
        }

        var editedBy = (request.EditedBy ?? http.Headers[EditorHeader].FirstOrDefault())?.Trim();
        request = request with { EditedBy = string.IsNullOrEmpty(editedBy) ? null : editedBy };
        var errors = SubtitleEdits.Validate(request, document);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The edited cues are not valid.");
        }

        var content = SubtitleWriter.Write(SubtitleEdits.Apply(document, request.Cues));
        var versions = await SubtitleStore.VersionsAsync(db, edited, cancellationToken);
        var now = clock.GetUtcNow();
        var version = new SubtitleDocumentEntity
        {
            Id = Guid.CreateVersion7(),
            Format = edited.Format,
            Language = edited.Language,
            Origin = edited.Origin,
            Content = content,
            FileName = edited.FileName,
            Engine = edited.Engine,
            Model = edited.Model,
            SourceDocumentId = edited.SourceDocumentId,
            IsForced = edited.IsForced,
            IsHearingImpaired = edited.IsHearingImpaired,
            Version = versions.Max(candidate => candidate.Version) + 1,
            FirstVersionId = SubtitleStore.FirstVersionOf(edited),
            PreviousVersionId = edited.Id,
            EditedByPerson = true,
            EditedBy = request.EditedBy,
            // Postgres keeps microseconds: the write-back stage compares this with its write time.
            CreatedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond)),
        };
        db.SubtitleDocuments.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Another version was saved meanwhile.",
                detail: $"Version {version.Version} of this subtitle was saved by someone else a moment ago; reload it and apply your change again.");
        }

        var view = await SubtitlesApi.ViewAsync(db, version, cancellationToken);
        if (view!.Document.Kind == SubtitleKinds.Translation && request.Cues is { Count: > 0 } changed)
        {
            var source = await db.SubtitleDocuments.AsNoTracking().Where(candidate => candidate.Id == version.SourceDocumentId)
                .Select(candidate => candidate.Language).SingleOrDefaultAsync(cancellationToken);
            var job = await SubtitleStore.TranslatingJobAsync(db, version, await SubtitleStore.ResultJobAsync(db, versions, cancellationToken), cancellationToken);
            await SubtitleMemoryCorrections.ApplyAsync(db, job, source, view.Cues, [.. changed.Select(edit => edit.Index)], clock, cancellationToken);
        }

        return TypedResults.Created($"/api/subtitles/{version.Id}", view);
    }

    public static async Task<Results<Accepted<SubtitleWriteBackResult>, ProblemHttpResult>> WriteBackAsync(
        Guid id, FluxCaptionDbContext db, JobResultWriteback writeback, CancellationToken cancellationToken)
    {
        var version = await db.SubtitleDocuments.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        if (version is null)
        {
            return SubtitlesApi.NotFound(id);
        }

        var job = await SubtitleStore.ResultJobAsync(db, await SubtitleStore.VersionsAsync(db, version, cancellationToken), cancellationToken);
        if (await SubtitleWriteBackCheck.WhyNotAsync(db, version, job, cancellationToken) is { } whyNot)
        {
            return CannotWriteBack(whyNot.Reason);
        }

        var outcome = await writeback.WriteBackAsync(job!, version, cancellationToken);
        return outcome.Result == JobControlResult.Applied
            ? TypedResults.Accepted($"/api/jobs/{job!.Id}", new SubtitleWriteBackResult(job.Id, version.Id, version.Version,
                $"Version {version.Version} is queued for write-back; it replaces the subtitle this job wrote before."))
            : CannotWriteBack(outcome.Reason ?? "The job cannot write back now.");
    }

    private static ProblemHttpResult CannotWriteBack(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This subtitle cannot be written back.", detail: reason);
}
