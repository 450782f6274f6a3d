using FluxCaption.Contracts.Subtitles;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Subtitles;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis.Subtitles;

/// <summary>
/// Reads the subtitles FluxCaption holds as the editor sees them: every version of one subtitle (they
/// share their first version's id), the job whose result a translation is, and the summaries the Api returns.
/// </summary>
internal static class SubtitleStore
{
    public static Guid FirstVersionOf(SubtitleDocumentEntity document) => document.FirstVersionId ?? document.Id;

    /// <summary>Every version of the subtitle <paramref name="document"/> belongs to, oldest first.</summary>
    public static Task<List<SubtitleDocumentEntity>> VersionsAsync(FluxCaptionDbContext db, SubtitleDocumentEntity document, CancellationToken cancellationToken)
    {
        var first = FirstVersionOf(document);
        return db.SubtitleDocuments.AsNoTracking()
            .Where(candidate => candidate.Id == first || candidate.FirstVersionId == first)
            .OrderBy(candidate => candidate.Version).ThenBy(candidate => candidate.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every version of each subtitle in <paramref name="ids"/>, the subtitles in the order given.</summary>
    public static async Task<List<SubtitleDocumentEntity>> VersionsOfAsync(FluxCaptionDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var firsts = await db.SubtitleDocuments.AsNoTracking().Where(document => ids.Contains(document.Id))
            .Select(document => document.FirstVersionId ?? document.Id).Distinct().ToListAsync(cancellationToken);
        return await db.SubtitleDocuments.AsNoTracking()
            .Where(document => firsts.Contains(document.Id) || (document.FirstVersionId != null && firsts.Contains(document.FirstVersionId.Value)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The job whose result is one of these versions (the one that would write it back); null when none is:
    /// an uploaded or read source, or a translation a later run of its job replaced.
    /// </summary>
    public static Task<Job?> ResultJobAsync(FluxCaptionDbContext db, IReadOnlyList<SubtitleDocumentEntity> versions, CancellationToken cancellationToken)
    {
        var ids = versions.Select(version => version.Id).ToList();
        return db.Jobs.AsNoTracking()
            .Where(job => job.ResultDocumentId != null && ids.Contains(job.ResultDocumentId.Value))
            .OrderByDescending(job => job.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The job that translated <paramref name="document"/>: its result job, else the latest job from the same source to its language.</summary>
    public static async Task<Job?> TranslatingJobAsync(
        FluxCaptionDbContext db, SubtitleDocumentEntity document, Job? resultJob, CancellationToken cancellationToken) =>
        resultJob ?? (document.SourceDocumentId is not { } sourceId ? null : await db.Jobs.AsNoTracking()
            .Where(job => job.SourceDocumentId == sourceId && job.TargetLanguage == document.Language)
            .OrderByDescending(job => job.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken));

    public static string KindOf(SubtitleDocumentOrigin origin) => origin switch
    {
        SubtitleDocumentOrigin.Mt => SubtitleKinds.Translation,
        SubtitleDocumentOrigin.Asr or SubtitleDocumentOrigin.Ocr => SubtitleKinds.Transcript,
        _ => SubtitleKinds.Source,
    };

    /// <summary>The stored text parsed; null when it cannot be read (it was stored by an older, laxer version).</summary>
    public static SubtitleDocument? TryParse(SubtitleDocumentEntity document)
    {
        try
        {
            return SubtitleParser.Parse(document.Content, document.Format);
        }
        catch (SubtitleFormatException)
        {
            return null;
        }
    }

    public static SubtitleVersionSummary ToSummary(this SubtitleDocumentEntity document, int cueCount) => new(
        document.Id,
        KindOf(document.Origin),
        document.Language,
        SubtitleFormatNames.ToApiName(document.Format),
        document.Origin.ToString().ToLowerInvariant(),
        document.Version,
        FirstVersionOf(document),
        document.PreviousVersionId,
        document.EditedByPerson,
        document.EditedBy,
        document.FileName,
        cueCount,
        document.CreatedAt);

    public static SubtitleVersionSummary ToSummary(this SubtitleDocumentEntity document) =>
        document.ToSummary(TryParse(document)?.Cues.Count ?? 0);
}
