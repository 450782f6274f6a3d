using FluxCaption.Contracts.Subtitles;
using FluxCaption.Core.Data;
using FluxCaption.Core.Subtitles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis.Subtitles;

/// <summary>
/// The subtitles FluxCaption holds (sources, transcripts, translations) for the preview and editor:
/// list them for an item or a job, read one as cues (a translation beside its source, with what its job
/// recorded per line), save a person's edit as a new version, download a version, and write one back
/// (see <see cref="SubtitleVersionEndpoints"/>).
/// </summary>
public static class SubtitlesApi
{
    public static RouteGroupBuilder MapSubtitlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/subtitles").WithTags("Subtitles").RequireAuthorization();
        api.MapGet("/", ListAsync).WithName("ListSubtitles")
            .WithSummary("Every version of the subtitles FluxCaption holds for an item (itemId) or a job (jobId)");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetSubtitle")
            .WithSummary("One version's cues; a translation's beside its source cues, with per-line markers");
        api.MapGet("/{id:guid}/file", DownloadAsync).WithName("DownloadSubtitle").WithSummary("One version as a file");
        api.MapPost("/{id:guid}/versions", SubtitleVersionEndpoints.CreateAsync).WithName("CreateSubtitleVersion")
            .WithSummary("Save changed cues as a new version, marked as edited by a person; the version edited is kept");
        api.MapPost("/{id:guid}/writeback", SubtitleVersionEndpoints.WriteBackAsync).WithName("WriteBackSubtitle")
            .WithSummary("Write this version of a library job's translation back, replacing the subtitle the job wrote before");
        return api;
    }

    public static async Task<Results<Ok<List<SubtitleVersionSummary>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid? itemId, Guid? jobId, FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        if (itemId is null == jobId is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["itemId"] = ["Name either an item (itemId) or a job (jobId), not both and not neither."] },
                title: "The subtitle query is not valid.");
        }

        List<Guid> ids;
        if (jobId is { } job)
        {
            var found = await db.Jobs.AsNoTracking().Where(candidate => candidate.Id == job)
                .Select(candidate => new { candidate.SourceDocumentId, candidate.ResultDocumentId }).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such job.", detail: $"There is no job {job}.");
            }

            ids = [.. new[] { found.SourceDocumentId, found.ResultDocumentId }.OfType<Guid>()];
        }
        else
        {
            var item = itemId!.Value;
            if (!await db.MediaItems.AnyAsync(candidate => candidate.Id == item, cancellationToken))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such item.", detail: $"There is no media item {item}.");
            }

            var fromJobs = await db.Jobs.AsNoTracking().Where(candidate => candidate.MediaItemId == item)
                .Select(candidate => new { candidate.SourceDocumentId, candidate.ResultDocumentId }).ToListAsync(cancellationToken);
            var transcripts = await db.SourceTranscripts.AsNoTracking().Where(transcript => transcript.MediaItemId == item && transcript.DocumentId != null)
                .Select(transcript => transcript.DocumentId!.Value).ToListAsync(cancellationToken);
            ids = [.. fromJobs.SelectMany(pair => new[] { pair.SourceDocumentId, pair.ResultDocumentId }).OfType<Guid>().Concat(transcripts).Distinct()];
        }

        var versions = await SubtitleStore.VersionsOfAsync(db, ids, cancellationToken);
        return TypedResults.Ok(versions.Select(version => version.ToSummary())
            .OrderBy(summary => summary.Kind == SubtitleKinds.Translation ? 1 : 0)
            .ThenBy(summary => summary.Language, StringComparer.Ordinal)
            .ThenBy(summary => summary.FirstVersionId)
            .ThenBy(summary => summary.Version)
            .ToList());
    }

    public static async Task<Results<Ok<SubtitleDocumentView>, ProblemHttpResult>> GetAsync(Guid id, FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        var document = await db.SubtitleDocuments.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        if (document is null)
        {
            return NotFound(id);
        }

        var view = await ViewAsync(db, document, cancellationToken);
        return view is null ? Unreadable(document) : TypedResults.Ok(view);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        var document = await db.SubtitleDocuments.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        if (document is null)
        {
            return NotFound(id);
        }

        var extension = SubtitleFile.Extension(document.Format);
        var name = Path.GetFileNameWithoutExtension(document.FileName) is { Length: > 0 } stem
            ? stem
            : $"subtitle{(document.Language is null ? "" : "." + document.Language)}";
        var versioned = document.Version > 1 ? $"{name}.v{document.Version}{extension}" : name + extension;
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(document.Content), SubtitleFile.ContentType(document.Format), versioned);
    }

    /// <summary>The editor's view of <paramref name="document"/>; null when its stored text cannot be read.</summary>
    internal static async Task<SubtitleDocumentView?> ViewAsync(FluxCaptionDbContext db, SubtitleDocumentEntity document, CancellationToken cancellationToken)
    {
        if (SubtitleStore.TryParse(document) is not { } parsed)
        {
            return null;
        }

        var versions = await SubtitleStore.VersionsAsync(db, document, cancellationToken);
        var resultJob = await SubtitleStore.ResultJobAsync(db, versions, cancellationToken);
        List<SubtitleCueView> cues;
        if (SubtitleStore.KindOf(document.Origin) == SubtitleKinds.Translation
            && document.SourceDocumentId is { } sourceId
            && await db.SubtitleDocuments.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == sourceId, cancellationToken) is { } source
            && SubtitleStore.TryParse(source) is { } sourceCues)
        {
            var translatingJob = await SubtitleStore.TranslatingJobAsync(db, document, resultJob, cancellationToken);
            cues = SubtitleCueViews.Translation(parsed, sourceCues, translatingJob?.Warnings);
        }
        else
        {
            cues = SubtitleCueViews.Plain(parsed);
        }

        var whyNot = await SubtitleWriteBackCheck.WhyNotAsync(db, document, resultJob, cancellationToken);
        return new SubtitleDocumentView(
            document.ToSummary(parsed.Cues.Count),
            document.SourceDocumentId,
            resultJob?.Id,
            whyNot is null,
            whyNot?.Code,
            whyNot?.Reason,
            [.. versions.Select(version => version.Id == document.Id ? version.ToSummary(parsed.Cues.Count) : version.ToSummary())],
            cues);
    }

    internal static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such subtitle.", detail: $"FluxCaption holds no subtitle {id}.");

    internal static ProblemHttpResult Unreadable(SubtitleDocumentEntity document) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The stored subtitle cannot be read.",
            detail: $"Subtitle {document.Id} is stored as {SubtitleFormatNames.ToApiName(document.Format)} but does not parse as one.");
}
