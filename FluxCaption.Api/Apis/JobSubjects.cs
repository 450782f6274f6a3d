using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis;

/// <summary>
/// Names what each job translates, for lists a person reads: an uploaded file by its name, a library
/// job by its item ("Series S01E02 · Title") and where its source came from. Three queries for a whole page, whatever its size.
/// </summary>
internal static class JobSubjects
{
    public static async Task<List<JobResponse>> NameAsync(FluxCaptionDbContext db, IReadOnlyList<JobResponse> jobs, CancellationToken cancellationToken)
    {
        var itemIds = jobs.Where(job => job.MediaItemId is not null).Select(job => job.MediaItemId!.Value).Distinct().ToList();
        Dictionary<Guid, string> items = itemIds.Count == 0 ? [] : await db.MediaItems.AsNoTracking()
            .Where(item => itemIds.Contains(item.Id))
            .Select(item => new { item.Id, item.Title, item.SeriesName, item.SeasonNumber, item.EpisodeNumber })
            .ToDictionaryAsync(item => item.Id, item => ItemName(item.Title, item.SeriesName, item.SeasonNumber, item.EpisodeNumber), cancellationToken);

        var fileJobIds = jobs.Where(job => job.MediaItemId is null).Select(job => job.Id).ToList();
        Dictionary<Guid, string?> files = fileJobIds.Count == 0 ? [] : await db.Jobs.AsNoTracking()
            .Where(job => fileJobIds.Contains(job.Id) && job.SourceDocumentId != null)
            .Join(db.SubtitleDocuments, job => job.SourceDocumentId, document => document.Id, (job, document) => new { job.Id, document.FileName })
            .ToDictionaryAsync(pair => pair.Id, pair => pair.FileName, cancellationToken);

        // Where a library job's source came from: a subtitle track, OCR of an image track, or speech recognition.
        var libraryJobIds = jobs.Where(job => job.MediaItemId is not null).Select(job => job.Id).ToList();
        Dictionary<Guid, JobSourceResponse> sources = libraryJobIds.Count == 0 ? [] : await db.Jobs.AsNoTracking()
            .Where(job => libraryJobIds.Contains(job.Id) && job.SourceDocumentId != null)
            .Join(db.SubtitleDocuments, job => job.SourceDocumentId, document => document.Id,
                (job, document) => new { job.Id, document.Origin, document.Engine, document.Model })
            .ToDictionaryAsync(pair => pair.Id, pair => new JobSourceResponse(pair.Origin.ToString().ToLowerInvariant(), pair.Engine, pair.Model), cancellationToken);

        return [.. jobs.Select(job => job with
        {
            Subject = job.MediaItemId is { } itemId
                ? items.GetValueOrDefault(itemId)
                : files.GetValueOrDefault(job.Id),
            Source = sources.GetValueOrDefault(job.Id),
        })];
    }

    internal static string ItemName(string title, string? series, int? season, int? episode)
    {
        if (string.IsNullOrWhiteSpace(series))
        {
            return title;
        }

        var number = (season, episode) switch
        {
            ({ } s, { } e) => $" S{s:D2}E{e:D2}",
            ({ } s, null) => $" S{s:D2}",
            (null, { } e) => $" E{e:D2}",
            _ => "",
        };
        return string.IsNullOrWhiteSpace(title) || title == series ? series + number : $"{series}{number} · {title}";
    }
}
