using FluxCaption.Contracts.Dashboard;
using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries.Coverage;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis.Dashboard;

/// <summary>
/// Items and gaps per library and wanted language, counted in Postgres. "Missing" is the items page's
/// own filter (<see cref="ItemQuery.MissingAsync"/>), so a figure here is the number of rows that link opens.
/// </summary>
internal static class DashboardCoverage
{
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
        // One grouped count per language, over the libraries that want it: a few queries whatever the library size.
        var missing = new Dictionary<(Guid Library, string Language), int>();
        foreach (var language in wanted.Values.SelectMany(languages => languages).Distinct(StringComparer.Ordinal))
        {
            var wanting = wanted.Where(pair => pair.Value.Contains(language)).Select(pair => pair.Key).ToList();
            var source = await ItemQuery.MissingAsync(db, language, rules, cancellationToken);
            var counts = await source.AsNoTracking()
                .Where(item => item.GoneAt == null && wanting.Contains(item.LibraryId))
                .GroupBy(item => item.LibraryId)
                .Select(group => new { LibraryId = group.Key, Count = group.Count() })
                .ToListAsync(cancellationToken);
            foreach (var row in counts)
            {
                missing[(row.LibraryId, language)] = row.Count;
            }
        }

        return [.. libraries.Select(library => new DashboardLibrary(
            library.Id,
            library.Name,
            library.Enabled,
            items.GetValueOrDefault(library.Id),
            [.. wanted[library.Id].Select(language => new DashboardLanguageGap(language, missing.GetValueOrDefault((library.Id, language))))]))];
    }
}
