using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using Npgsql;

namespace FluxCaption.Tests.Pipeline;

public sealed class HeartbeatTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task OneFailedLeaseRenewalDoesNotStopTheHeartbeatSoTheLeaseStaysAlive()
    {
        var database = await postgres.CreateDatabaseAsync();
        var engine = new PrefixingTranslationEngine { Gate = new SemaphoreSlim(0) };
        var settings = new Dictionary<string, string?> { ["Jobs:LeaseTtl"] = "00:00:02", ["Jobs:HeartbeatInterval"] = "00:00:00.300" };
        await using var worker = await PipelineHost.CreateAsync(database, redis, RedisServer.NewKeyPrefix(), "consumer", settings, engine, start: false);
        await FailFirstLeaseRenewalAsync(database);
        await worker.Host.StartAsync(TestContext.Current.CancellationToken);
        var job = await SampleJobs.CreateAsync(worker.Services, cueCount: 2);
        await Eventually.HoldsAsync(() => Task.FromResult(engine.BatchCount == 1), "the batch is in flight");
        await Eventually.HoldsAsync(() => RenewalHasFailedAsync(database), "a lease renewal has failed");

        // Longer than the lease: only renewals after the failed one can keep it alive.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        var running = await SampleJobs.GetAsync(worker.Services, job.Id);
        running.Status.ShouldBe(JobStatus.Running);
        running.LeaseExpiresAt.ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        engine.Gate.Release();
        await SampleJobs.WaitForStatusAsync(worker.Services, job.Id, JobStatus.Succeeded);
        (await SampleJobs.GetAsync(worker.Services, job.Id)).Attempt.ShouldBe(1);
    }

    /// <summary>
    /// The database refuses the first renewal of any lease once, then works again. The error is one EF's
    /// retry strategy does not retry (a transient one is retried inside the call), so it reaches the
    /// heartbeat the way a transient error that outlasts those retries does.
    /// </summary>
    private static async Task FailFirstLeaseRenewalAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        // A sequence is not rolled back with the failing statement, so it counts failures reliably.
        await using var command = new NpgsqlCommand("""
            CREATE SEQUENCE renewal_failures;
            CREATE FUNCTION fail_first_renewal() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF OLD.status = 'running' AND NEW.status = 'running' AND NEW.lease_expires_at > OLD.lease_expires_at THEN
                    IF nextval('renewal_failures') = 1 THEN
                        RAISE EXCEPTION 'simulated database failure';
                    END IF;
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER fail_first_renewal BEFORE UPDATE ON jobs FOR EACH ROW EXECUTE FUNCTION fail_first_renewal();
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> RenewalHasFailedAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT is_called FROM renewal_failures", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
