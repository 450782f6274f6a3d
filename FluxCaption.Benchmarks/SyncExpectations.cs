using FluxCaption.Core.Libraries;

namespace FluxCaption.Benchmarks;

/// <summary>
/// The counts the three benchmark syncs must report: every item added, then exactly the changed ones
/// updated, then every item unchanged. A timing of a sync that miscounted would be worthless.
/// </summary>
internal static class SyncExpectations
{
    public static List<string> Check(int items, int changed, IReadOnlyList<(string Label, LibrarySyncSummary Summary)> runs)
    {
        (int Seen, int Added, int Updated, int Unchanged)[] expected =
        [
            (items, items, 0, 0),
            (changed, 0, changed, 0),
            (items, 0, 0, items),
        ];
        var mismatches = new List<string>();
        foreach (var ((label, summary), want) in runs.Zip(expected))
        {
            var got = (summary.Seen, summary.Added, summary.Updated, summary.Unchanged);
            if (got != want || summary.Gone != 0)
            {
                mismatches.Add($"{label}: expected seen/added/updated/unchanged/gone {want.Seen}/{want.Added}/{want.Updated}/{want.Unchanged}/0, "
                    + $"got {got.Seen}/{got.Added}/{got.Updated}/{got.Unchanged}/{summary.Gone}");
            }
        }

        return mismatches;
    }
}
