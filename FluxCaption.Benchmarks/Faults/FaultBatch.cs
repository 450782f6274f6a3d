namespace FluxCaption.Benchmarks.Faults;

/// <summary>
/// One row: uploads a batch of English SRT files for Apertium to translate into Spanish, breaks something
/// once half of them are in (and a job is running), waits until every job is terminal or the deadline
/// passes, then checks each job's events, stored documents and downloaded result.
/// </summary>
internal sealed class FaultBatch(FaultCluster cluster, FaultJournal journal, FaultOptions options, TextWriter progress)
{
    private static readonly string[] Terminal = ["succeeded", "failed", "cancelled"];

    public async Task<FaultRowResult> RunAsync(FaultScenario scenario, int seed, CancellationToken cancellationToken)
    {
        var rowStart = DateTimeOffset.UtcNow;
        var files = Enumerable.Range(0, options.Jobs).Select(i => FilmSubtitleGenerator.GenerateSrt(options.Cues, seed * 1000 + i)).ToList();
        var accepted = new List<(Guid Id, string Srt)>();
        var refused = 0;
        var submitting = Task.Run(async () =>
        {
            for (var i = 0; i < files.Count; i++)
            {
                Guid? id;
                while ((id = await journal.TrySubmitAsync(files[i], $"fault-{seed}-{i}.en.srt", cancellationToken)) is null)
                {
                    Interlocked.Increment(ref refused);
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }

                lock (accepted)
                {
                    accepted.Add((id.Value, files[i]));
                }

                await Task.Delay(TimeSpan.FromMilliseconds(options.SubmitIntervalMs), cancellationToken);
            }
        }, cancellationToken);

        while (Count(accepted) < options.Jobs / 2 && !submitting.IsCompleted)
        {
            await Task.Delay(100, cancellationToken);
        }

        progress.WriteLine($"[{scenario.Name}] {Count(accepted)} of {options.Jobs} jobs in; injecting the fault");
        var faultEnd = await scenario.InjectAsync(cluster, journal, cancellationToken);
        progress.WriteLine($"[{scenario.Name}] fault over after {FaultCluster.Seconds(faultEnd - rowStart)} s into the row; waiting for the jobs");
        await submitting;

        var ids = accepted.Select(job => job.Id).ToList();
        var deadline = faultEnd + TimeSpan.FromSeconds(options.DeadlineSeconds);
        IReadOnlyList<JobRow> rows = [];
        while (DateTimeOffset.UtcNow < deadline)
        {
            rows = await journal.TryReadJobsAsync(ids, cancellationToken) ?? rows;
            if (rows.Count == ids.Count && rows.All(row => Terminal.Contains(row.Status)))
            {
                break;
            }

            await Task.Delay(1000, cancellationToken);
        }

        // Everything must be reachable again before the results are read and the next row starts.
        await journal.WaitForApiAsync(TimeSpan.FromMinutes(2), cancellationToken);
        rows = await journal.TryReadJobsAsync(ids, cancellationToken) ?? rows;
        return await CountAsync(scenario, accepted, rows, refused, rowStart, faultEnd, cancellationToken);
    }

    private async Task<FaultRowResult> CountAsync(
        FaultScenario scenario, List<(Guid Id, string Srt)> accepted, IReadOnlyList<JobRow> rows, int refused,
        DateTimeOffset rowStart, DateTimeOffset faultEnd, CancellationToken cancellationToken)
    {
        var ids = accepted.Select(job => job.Id).ToList();
        var writes = await journal.ReadWriteCountsAsync(ids, cancellationToken);
        var byId = rows.ToDictionary(row => row.Id);
        int succeeded = 0, failed = 0, stuck = 0, duplicated = 0, wrong = 0, runAgain = 0;
        foreach (var (id, srt) in accepted)
        {
            var row = byId.GetValueOrDefault(id);
            var (startedEvents, succeededEvents, documents) = writes.GetValueOrDefault(id);
            if (startedEvents > 1)
            {
                runAgain++;
            }

            if (row is null || !Terminal.Contains(row.Status))
            {
                stuck++;
                progress.WriteLine($"  stuck: {id} {row?.Status ?? "missing"} attempt {row?.Attempt} lease {row?.LeaseOwner ?? "none"}");
                continue;
            }

            if (row.Status != "succeeded")
            {
                failed++;
                progress.WriteLine($"  {row.Status}: {id} {row.ErrorCode}: {row.ErrorMessage}");
                continue;
            }

            succeeded++;
            var verdict = ResultCheck.Compare(srt, await journal.GetResultAsync(id, cancellationToken));
            if (succeededEvents > 1 || documents > 1 || verdict == ResultVerdict.Duplicated)
            {
                duplicated++;
                progress.WriteLine($"  duplicated: {id} job.succeeded x{succeededEvents}, documents from its source {documents}, result {verdict}");
            }
            else if (verdict == ResultVerdict.Different)
            {
                wrong++;
                progress.WriteLine($"  wrong output: {id}");
            }
        }

        var finished = rows.Where(row => row.FinishedAt > faultEnd).Select(row => row.FinishedAt!.Value).ToList();
        var result = new FaultRowResult(scenario.Name, accepted.Count, refused, succeeded, failed, stuck, duplicated, wrong,
            runAgain,
            await journal.CountUnansweredJobsAsync(rowStart, ids, cancellationToken),
            finished.Count == 0 ? null : finished.Min() - faultEnd,
            finished.Count == 0 ? null : finished.Max() - faultEnd);
        progress.WriteLine(FaultRowResult.Format([result]).Split('\n')[2]);
        return result;
    }

    private static int Count(List<(Guid, string)> accepted)
    {
        lock (accepted)
        {
            return accepted.Count;
        }
    }
}
