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
        var source = Missing is null ? db.MediaItems : await MissingAsync(db, Missing, rules, cancellationToken);
        var query = Filtered(db, source);
        var total = await query.CountAsync(cancellationToken);
        var page = await query.Skip((Page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return (page, total);
    }

    /// <summary>
    /// Items no subtitle track covers <paramref name="wanted"/> for, decided in Postgres so that a
    /// large library never leaves the database. Which language tags can cover the wanted one
    /// (scripts, regions, the user's equivalences) is the evaluator's call: it is asked once per
    /// distinct tag in the table, and the answer goes into the SQL as a list.
    /// </summary>
    private static async Task<IQueryable<MediaItemEntity>> MissingAsync(
        FluxCaptionDbContext db, string wanted, CoverageRules rules, CancellationToken cancellationToken)
    {
        var tags = await db.Database.SqlQueryRaw<string>(
            """
            SELECT DISTINCT t->>'language' AS "Value"
            FROM media_items m CROSS JOIN LATERAL jsonb_array_elements(m.streams) t
            WHERE t->>'kind' = 'subtitle' AND t->>'language' IS NOT NULL
            """).ToListAsync(cancellationToken);
        var covering = tags
            .Where(tag => CoverageEvaluator.TrackCovers(new MediaTrack { Kind = MediaTrackKind.Subtitle, Language = tag, IsText = true }, wanted, rules))
            .ToArray();
        return db.MediaItems.FromSql(
            $"""
            SELECT * FROM media_items m
            WHERE NOT EXISTS (
                SELECT 1 FROM jsonb_array_elements(m.streams) t
                WHERE t->>'kind' = 'subtitle'
                  AND t->>'language' = ANY({covering})
                  AND ({rules.ForcedCounts} OR NOT coalesce((t->>'isForced')::boolean, false))
                  AND ({rules.HearingImpairedCounts} OR NOT coalesce((t->>'isHearingImpaired')::boolean, false))
                  AND ({rules.BitmapCounts} OR coalesce((t->>'isText')::boolean, false)))
            """);
    }

    private IQueryable<MediaItemEntity> Filtered(FluxCaptionDbContext db, IQueryable<MediaItemEntity> source)
    {
        var query = source.AsNoTracking();
        query = Gone ? query.Where(item => item.GoneAt != null) : query.Where(item => item.GoneAt == null);
        if (LibraryId is { } libraryId)
        {
            query = query.Where(item => item.LibraryId == libraryId);
        }

        if (!string.IsNullOrWhiteSpace(Title))
        {
            var pattern = "%" + Title.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(item => EF.Functions.ILike(item.Title, pattern, "\\") || (item.SeriesName != null && EF.Functions.ILike(item.SeriesName, pattern, "\\")));
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
