namespace FluxCaption.Benchmarks.Faults;

/// <summary>
/// One row of the fault table: what is broken in the middle of a batch. <see cref="InjectAsync"/> breaks it,
/// brings it back and returns the moment it was back (the fault's end, from which recovery is timed).
/// </summary>
internal sealed record FaultScenario(string Name, Func<FaultCluster, FaultJournal, CancellationToken, Task<DateTimeOffset>> InjectAsync)
{
    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        new("SIGKILL a consumer worker", KillWorkerAsync),
        new("Restart Redis (SIGKILL)", RestartRedisAsync),
        new("Stop PostgreSQL 10 s", (cluster, journal, ct) => StopPostgresAsync(cluster, TimeSpan.FromSeconds(10), ct)),
        new("Stop PostgreSQL 90 s", (cluster, journal, ct) => StopPostgresAsync(cluster, TimeSpan.FromSeconds(90), ct)),
        new("SIGKILL the Api", KillApiAsync),
        new("SIGKILL the scheduler", KillSchedulerAsync),
    ];

    private static async Task<DateTimeOffset> KillWorkerAsync(FaultCluster cluster, FaultJournal journal, CancellationToken cancellationToken)
    {
        // Kill the worker while it holds a job, so the job has to come back through lease expiry and a claim.
        var worker = cluster.Workers[0];
        var holding = await journal.WaitForRunningJobOfAsync(worker.Name, TimeSpan.FromSeconds(60), cancellationToken);
        Console.Error.WriteLine(holding ? $"  {worker.Name} holds a running job: killing it" : $"  {worker.Name} got no job within 60 s: killing it anyway");
        worker.Kill();
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        worker.Start();
        return DateTimeOffset.UtcNow;
    }

    private static async Task<DateTimeOffset> RestartRedisAsync(FaultCluster cluster, FaultJournal journal, CancellationToken cancellationToken)
    {
        cluster.Redis.Kill();
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        await cluster.Redis.StartAsync();
        return DateTimeOffset.UtcNow;
    }

    private static async Task<DateTimeOffset> StopPostgresAsync(FaultCluster cluster, TimeSpan outage, CancellationToken cancellationToken)
    {
        await cluster.Postgres.StopAsync();
        await Task.Delay(outage, cancellationToken);
        await cluster.Postgres.StartAsync();
        return DateTimeOffset.UtcNow;
    }

    private static async Task<DateTimeOffset> KillApiAsync(FaultCluster cluster, FaultJournal journal, CancellationToken cancellationToken)
    {
        cluster.Api.Kill();
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        cluster.Api.Start();
        await journal.WaitForApiAsync(TimeSpan.FromMinutes(2), cancellationToken);
        return DateTimeOffset.UtcNow;
    }

    private static async Task<DateTimeOffset> KillSchedulerAsync(FaultCluster cluster, FaultJournal journal, CancellationToken cancellationToken)
    {
        cluster.Scheduler.Kill();
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        cluster.Scheduler.Start();
        return DateTimeOffset.UtcNow;
    }
}
