using System.Globalization;
using System.Text;

namespace FluxCaption.Benchmarks;

/// <summary>Writes the runs as a Markdown table and checks them against the targets.</summary>
public static class ResultTable
{
    public const double RequestReductionTarget = 20;
    public const double WallReductionTarget = 5;
    public const double UtilisationTarget = 0.90;

    public static string Format(IReadOnlyList<RunResult> results)
    {
        var table = new StringBuilder();
        table.AppendLine("| slots | strategy | requests | requests / 1,000 cues | recovery requests | prompt tokens / source token | completion tokens / source token | wall (model s) | slot time used | replayed wall (model s) | replayed slot time used | wall (s) | cues translated | warnings |");
        table.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            table.AppendLine(Invariant(
                $"| {r.Slots} | {r.Strategy} | {r.Counters.Requests} | {r.RequestsPerThousandCues:0.0} | {r.Counters.RecoveryRequests} ({r.RecoveryShare:0%}) | {r.PromptTokensPerSourceToken:0.00} | {r.CompletionTokensPerSourceToken:0.00} | {r.ModelSeconds:0} | {r.SlotUtilisation:0%} | {r.Ideal.Wall.TotalSeconds:0} | {r.Ideal.SlotUtilisation:0%} | {r.Wall.TotalSeconds:0.0} | {r.CuesTranslated} | {r.Warnings} |"));
        }

        table.AppendLine();
        foreach (var group in results.GroupBy(r => r.Slots))
        {
            var baseline = group.First();
            var flux = group.Skip(1).First();
            var again = group.Skip(2).First();
            var requestRatio = flux.Counters.Requests == 0 ? double.PositiveInfinity : (double)baseline.Counters.Requests / flux.Counters.Requests;
            var wallRatio = baseline.Wall / flux.Wall;
            var idealRatio = baseline.Ideal.Wall / flux.Ideal.Wall;
            table.AppendLine(Invariant($"N={group.Key}:"));
            table.AppendLine(Invariant($"- requests: {requestRatio:0.0}x fewer than the baseline (target >= {RequestReductionTarget}x): {Verdict(requestRatio >= RequestReductionTarget)}"));
            table.AppendLine(Invariant($"- wall time, measured: {wallRatio:0.0}x less than the baseline (target >= {WallReductionTarget}x): {Verdict(wallRatio >= WallReductionTarget)}"));
            table.AppendLine(Invariant($"- wall time, replayed: {idealRatio:0.0}x less than the baseline (target >= {WallReductionTarget}x): {Verdict(idealRatio >= WallReductionTarget)}"));
            if (group.Key == 4)
            {
                table.AppendLine(Invariant($"- slot time used, measured: {flux.SlotUtilisation:0.0%} (target >= {UtilisationTarget:0%}): {Verdict(flux.SlotUtilisation >= UtilisationTarget)}"));
                table.AppendLine(Invariant($"- slot time used, replayed: {flux.Ideal.SlotUtilisation:0.0%} (target >= {UtilisationTarget:0%}): {Verdict(flux.Ideal.SlotUtilisation >= UtilisationTarget)}"));
            }

            table.AppendLine(Invariant($"- second run of the same file: {again.Counters.Requests} requests (target 0): {Verdict(again.Counters.Requests == 0)}"));
            if (group.Skip(3).FirstOrDefault() is { } sequential)
            {
                table.AppendLine(Invariant($"- with MaxParallelBatches at its default: {sequential.Ideal.SlotUtilisation:0.0%} of slot time used (replayed), {baseline.Ideal.Wall / sequential.Ideal.Wall:0.0}x less wall time than the baseline"));
            }
        }

        return table.ToString();
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
