using FluxCaption.Contracts.Jobs;
using FluxCaption.Web.Services;

namespace FluxCaption.Web.Components.Jobs;

/// <summary>
/// Moves the rows of a page of jobs on live events. Progress moves a row from the event's own snapshot
/// (no read at all); any other change of a row's job re-reads that one job (its warnings, budget and
/// source change with its status). A change the page cannot place, a new job or a job that leaves or
/// enters the status filter, asks for one reload of the page after a short pause, however many come.
/// </summary>
public sealed class JobRowUpdates(FluxCaptionApiClient api, TimeSpan reloadDelay, Func<Task> reload) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _reloadPending;

    /// <summary>The rows after <paramref name="change"/>: the same list when nothing on it moved.</summary>
    public async Task<IReadOnlyList<JobView>> ApplyAsync(IReadOnlyList<JobView> rows, JobChange change, string? statusFilter)
    {
        var snapshot = change.Job;
        var index = IndexOf(rows, snapshot.Id);
        if (index < 0)
        {
            var created = change.Type == JobEventTypes.Created && (statusFilter is null || statusFilter == snapshot.Status);
            var entersFilter = statusFilter is not null && !change.IsProgress && statusFilter == snapshot.Status;
            if (created || entersFilter)
            {
                ScheduleReload();
            }

            return rows;
        }

        if (statusFilter is not null && statusFilter != snapshot.Status)
        {
            ScheduleReload();
        }

        var moved = Apply(rows[index], snapshot);
        if (!change.IsProgress)
        {
            moved = await ReadAsync(moved);
        }

        if (moved == rows[index])
        {
            return rows;
        }

        var updated = rows.ToList();
        updated[index] = moved;
        return updated;
    }

    /// <summary>The row as of the event: status, stage, progress, attempt, error and result.</summary>
    public static JobView Apply(JobView row, JobEventSnapshot snapshot) => row with
    {
        Status = snapshot.Status,
        Stage = snapshot.Stage,
        Progress = snapshot.Progress,
        Attempt = snapshot.Attempt,
        Error = snapshot.ErrorCode is null ? null : new JobErrorView(snapshot.ErrorCode, snapshot.ErrorMessage ?? snapshot.ErrorCode),
        ResultDocumentId = snapshot.ResultDocumentId ?? row.ResultDocumentId,
    };

    private async Task<JobView> ReadAsync(JobView row)
    {
        try
        {
            return await api.GetJobAsync(row.Id, _stop.Token);
        }
        catch (Exception ex) when (ex is ApiProblemException or HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            // The event's own snapshot already moved the row; the rest waits for the next change.
            return row;
        }
    }

    private void ScheduleReload()
    {
        if (Interlocked.Exchange(ref _reloadPending, 1) == 1)
        {
            return;
        }

        _ = ReloadSoonAsync();
    }

    private async Task ReloadSoonAsync()
    {
        try
        {
            await Task.Delay(reloadDelay, _stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        Volatile.Write(ref _reloadPending, 0);
        if (!_stop.IsCancellationRequested)
        {
            await reload();
        }
    }

    private static int IndexOf(IReadOnlyList<JobView> rows, Guid id)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
