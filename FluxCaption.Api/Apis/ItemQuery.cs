using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Coverage;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis;

/// <summary>The filters of <c>GET /api/items</c>, validated; <see cref="RunAsync"/> answers one page.</summary>
internal sealed record ItemQuery(Guid? LibraryId, string? Title, string? Missing, bool Gone, bool? HasJob, int Page, int PageSize)
{
    public async Task<(List<MediaItemEntity> Items, int Total)> RunAsync(
        FluxCaptionDbContext db, CoverageRules rules, CancellationToken cancellationToken)
    {
        var query = Filtered(db);
        if (Missing is null)
        {
            var total = await query.CountAsync(cancellationToken);
            var page = await query.Skip((Page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
            return (page, total);
        }

        // Coverage rules (forced, SDH, bitmap, equivalences) are code, not SQL: read only the id and
        // the track inventory of every candidate, decide in memory, then load the one page.
        var candidates = await query.Select(item => new { item.Id, item.Streams }).ToListAsync(cancellationToken);
        var missingIds = candidates
            .Where(candidate => !CoverageEvaluator.IsCovered(candidate.Streams, Missing, rules))
            .Select(candidate => candidate.Id)
            .ToList();
        var pageIds = missingIds.Skip((Page - 1) * PageSize).Take(PageSize).ToList();
        var rows = await db.MediaItems.AsNoTracking().Where(item => pageIds.Contains(item.Id)).ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(item => item.Id);
        return (pageIds.Select(id => byId[id]).ToList(), missingIds.Count);
    }

    private IQueryable<MediaItemEntity> Filtered(FluxCaptionDbContext db)
    {
        var query = db.MediaItems.AsNoTracking();
        query = Gone ? query.Where(item => item.GoneAt != null) : query.Where(item => item.GoneAt == null);
        if (LibraryId is { } libraryId)
        {
            query = query.Where(item => item.LibraryId == libraryId);
        }

        if (!string.IsNullOrWhiteSpace(Title))
        {
            var pattern = "%" + Title.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(item => EF.Functions.ILike(item.Title, pattern) || (item.SeriesName != null && EF.Functions.ILike(item.SeriesName, pattern)));
        }

        if (HasJob is { } hasJob)
        {
            var active = db.Jobs.Where(job => job.Status == JobStatus.Queued || job.Status == JobStatus.Running || job.Status == JobStatus.Paused);
            query = hasJob
                ? query.Where(item => active.Any(job => job.MediaItemId == item.Id))
                : query.Where(item => !active.Any(job => job.MediaItemId == item.Id));
        }

        return query
            .OrderBy(item => item.SeriesName ?? item.Title)
            .ThenBy(item => item.SeasonNumber)
            .ThenBy(item => item.EpisodeNumber)
            .ThenBy(item => item.Title)
            .ThenBy(item => item.Id);
    }
}
