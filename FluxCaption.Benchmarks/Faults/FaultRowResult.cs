using System.Globalization;
using System.Text;

namespace FluxCaption.Benchmarks.Faults;

/// <summary>
/// What one fault did to its batch. Refused uploads were retried until accepted, so they are not job
/// failures; <see cref="UnansweredJobs"/> are jobs stored by an upload whose answer never arrived.
/// <see cref="RunAgain"/> counts jobs started more than once (`job.started` events; an upload has one stage), i.e. the jobs the fault interrupted.
/// <see cref="Resumed"/> is the time from the fault's end to the first job finished after it,
/// <see cref="Drained"/> to the last one; null when no job finished after the fault's end.
/// </summary>
internal sealed record FaultRowResult(
    string Fault,
    int Submitted,
    int Refused,
    int Succeeded,
    int Failed,
    int Stuck,
    int Duplicated,
    int WrongOutput,
    int RunAgain,
    long UnansweredJobs,
    TimeSpan? Resumed,
    TimeSpan? Drained)
{
    public static string Format(IEnumerable<FaultRowResult> rows)
    {
        var table = new StringBuilder();
        table.AppendLine("| Fault | Submitted | Uploads refused (retried) | Succeeded | Failed | Stuck | Duplicated | Wrong output | Run again | Unanswered uploads | Progress again after | All finished after |");
        table.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var row in rows)
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Fault} | {row.Submitted} | {row.Refused} | {row.Succeeded} | {row.Failed} | {row.Stuck} | {row.Duplicated} | {row.WrongOutput} | {row.RunAgain} | {row.UnansweredJobs} | {Time(row.Resumed)} | {Time(row.Drained)} |"));
        }

        return table.ToString();
    }

    private static string Time(TimeSpan? time) => time is { } value ? FaultCluster.Seconds(value) + " s" : "–";
}
