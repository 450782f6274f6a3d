using FluxCaption.Contracts.Dashboard;
using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Coverage;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis.Dashboard;

/// <summary>
/// Items and gaps per library and wanted language, counted by Postgres in one pass over the items. "Missing"
/// means what the items page's missing= filter means: which stored language tags can cover a wanted one
/// is <see cref="CoverageEvaluator"/>'s call, asked once per distinct tag in the table, and the track flags
/// (forced, SDH, bitmap) count as the user's coverage rules say.
/// </summary>
internal static class DashboardCoverage
{
    private const string MissingSql =
        """
        WITH wanted AS (SELECT * FROM unnest(@wantedLibraries, @wantedLanguages) AS w(library_id, language)),
             covering AS (SELECT * FROM unnest(@coveredLanguages, @coveringTags) AS c(language, tag))
        SELECT w.library_id, w.language, count(*) AS missing
        FROM media_items m
        JOIN wanted w ON w.library_id = m.library_id
        WHERE m.gone_at IS NULL
          AND NOT EXISTS (
            SELECT 1 FROM jsonb_array_elements(m.streams) t
            JOIN covering c ON c.language = w.language AND c.tag = t->>'language'
            WHERE t->>'kind' = 'subtitle'
              AND (@forcedCounts OR NOT coalesce((t->>'isForced')::boolean, false))
              AND (@hearingImpairedCounts OR NOT coalesce((t->>'isHearingImpaired')::boolean, false))
              AND (@bitmapCounts OR coalesce((t->>'isText')::boolean, false)))
        GROUP BY w.library_id, w.language
        """;

    private const string TagsSql =
        """
        SELECT DISTINCT t->>'language'
        FROM media_items m CROSS JOIN LATERAL jsonb_array_elements(m.streams) t
        WHERE m.gone_at IS NULL AND t->>'kind' = 'subtitle' AND t->>'language' IS NOT NULL
        """;

    public static async Task<List<DashboardLibrary>> CountAsync(FluxCaptionDbContext db, CoverageRules rules, CancellationToken cancellationToken)
    {
        var libraries = await db.Libraries.AsNoTracking()
            .OrderBy(library => library.Name).ThenBy(library => library.Id)
            .Select(library => new { library.Id, library.Name, library.Enabled })
            .ToListAsync(cancellationToken);
        if (libraries.Count == 0)
        {
            return [];
        }

        var items = await db.MediaItems.AsNoTracking()
            .Where(item => item.GoneAt == null)
            .GroupBy(item => item.LibraryId)
            .Select(group => new { LibraryId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.LibraryId, row => row.Count, cancellationToken);

        var coverage = await LibraryCoverage.LoadAsync(db, cancellationToken);
        var wanted = libraries.ToDictionary(library => library.Id, library => coverage.WantedFor(library.Id));
        var missing = await MissingAsync(db, wanted, rules, cancellationToken);

        return [.. libraries.Select(library => new DashboardLibrary(
            library.Id,
            library.Name,
            library.Enabled,
            items.GetValueOrDefault(library.Id),
            [.. wanted[library.Id].Select(language => new DashboardLanguageGap(language, missing.GetValueOrDefault((library.Id, language))))]))];
    }

    private static async Task<Dictionary<(Guid Library, string Language), int>> MissingAsync(
        FluxCaptionDbContext db, Dictionary<Guid, IReadOnlyList<string>> wanted, CoverageRules rules, CancellationToken cancellationToken)
    {
        var pairs = wanted.SelectMany(pair => pair.Value.Select(language => (Library: pair.Key, Language: language))).ToList();
        if (pairs.Count == 0)
        {
            return [];
        }

        var tags = await DashboardSql.ReadAsync(db, TagsSql, new Dictionary<string, object>(), reader => reader.GetString(0), cancellationToken);
        var covering = pairs.Select(pair => pair.Language).Distinct(StringComparer.Ordinal)
            .SelectMany(language => tags
                .Where(tag => CoverageEvaluator.TrackCovers(new MediaTrack { Kind = MediaTrackKind.Subtitle, Language = tag, IsText = true }, language, rules))
                .Select(tag => (Language: language, Tag: tag)))
            .ToList();
        var rows = await DashboardSql.ReadAsync(db, MissingSql, new Dictionary<string, object>
            {
                ["wantedLibraries"] = pairs.Select(pair => pair.Library).ToArray(),
                ["wantedLanguages"] = pairs.Select(pair => pair.Language).ToArray(),
                ["coveredLanguages"] = covering.Select(pair => pair.Language).ToArray(),
                ["coveringTags"] = covering.Select(pair => pair.Tag).ToArray(),
                ["forcedCounts"] = rules.ForcedCounts,
                ["hearingImpairedCounts"] = rules.HearingImpairedCounts,
                ["bitmapCounts"] = rules.BitmapCounts,
            },
            reader => (Library: reader.GetGuid(0), Language: reader.GetString(1), Missing: (int)reader.GetInt64(2)),
            cancellationToken);
        return rows.ToDictionary(row => (row.Library, row.Language), row => row.Missing);
    }
}
