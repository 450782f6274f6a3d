using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Requests;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Api.Libraries;

/// <summary>
/// "Sync now", "run now" and webhook items are rows in library_requests: nothing accepted with a 202
/// is lost when an Api stops or dies, and Api replicas sharing a database never run one request twice.
/// </summary>
public sealed class LibraryRequestsApiTests(PostgresServer postgres, RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task TheSameSyncOrRunAskedAgainWhileItWaitsAnswersQueuedFalseAndRunsOnce()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sync = new ScriptedLibrarySyncService { Hold = gate.Task };
        await using var host = await StartHostAsync(await TestDatabases.CreateMigratedAsync(postgres), sync);
        var busy = await host.AddLibraryAsync("Busy");
        var films = await host.AddLibraryAsync("Films");
        var rule = await host.AddRuleAsync(new { name = "films", libraryIds = new[] { films.Id }, targetLanguages = new[] { "fr" }, cron = "0 0 3 * * ?" });
        (await SyncAsync(host, busy.Id, full: false)).ShouldBeTrue();
        await Eventually.HoldsAsync(() => Task.FromResult(sync.Started.Any(s => s.LibraryId == busy.Id)), "the first sync is running", Patience);

        (await SyncAsync(host, films.Id, full: false)).ShouldBeTrue();
        (await SyncAsync(host, films.Id, full: false)).ShouldBeFalse();
        (await SyncAsync(host, films.Id, full: true)).ShouldBeTrue();
        (await RunRuleAsync(host, rule)).ShouldBeTrue();
        (await RunRuleAsync(host, rule)).ShouldBeFalse();

        var listed = (await host.GetJsonAsync("/api/libraries/requests")).GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("target").GetString(), r.GetProperty("state").GetString())).ToList();
        listed.ShouldBe(
        [
            ("sync", busy.Id.ToString(), "running"),
            ("sync", films.Id.ToString(), "pending"),
            ("fullSync", films.Id.ToString(), "pending"),
            ("ruleRun", rule.ToString(), "pending"),
        ]);

        gate.SetResult();
        await Eventually.HoldsAsync(async () => (await ListAsync(host)).Count == 0, "every request ran", Patience);
        sync.Finished.Where(s => s.LibraryId == films.Id).ShouldBe([(films.Id, false), (films.Id, true), (films.Id, false)]);
        (await host.GetJsonAsync($"/api/rules/{rule}")).GetProperty("lastRunStatus").GetString().ShouldBe("succeeded");
    }

    [Fact]
    public async Task ARequestWrittenWhileNoApiRunsIsRunOnceAnApiStarts()
    {
        var database = await TestDatabases.CreateMigratedAsync(postgres);
        var library = await AddLibraryRowAsync(database);
        await using (var db = NewContext(database))
        {
            (await NewStore(db).EnqueueAsync(LibraryRequestKind.FullSync, library.ToString(), Ct)).ShouldBeTrue();
        }

        await using var host = await StartHostAsync(database, sync: null);

        await Eventually.HoldsAsync(async () => (await ListAsync(host)).Count == 0, "the request ran and left the table", Patience);
        host.Sync.Syncs.ShouldBe([(library, true)]);
    }

    [Fact]
    public async Task AGracefulStopMidRunHandsTheRequestBackAndTheNextApiRunsItAndWhatWaited()
    {
        var database = await TestDatabases.CreateMigratedAsync(postgres);
        var stuck = new ScriptedLibrarySyncService { Hold = new TaskCompletionSource().Task };
        var first = await StartHostAsync(database, stuck);
        var films = await first.AddLibraryAsync("Films");
        var shows = await first.AddLibraryAsync("Shows");
        (await SyncAsync(first, films.Id, full: true)).ShouldBeTrue();
        await Eventually.HoldsAsync(() => Task.FromResult(!stuck.Started.IsEmpty), "the sync is running", Patience);
        (await SyncAsync(first, shows.Id, full: false)).ShouldBeTrue();

        await first.DisposeAsync();

        stuck.Finished.ShouldBeEmpty();
        await using (var db = NewContext(database))
        {
            var rows = await db.LibraryRequests.AsNoTracking().OrderBy(r => r.RequestedAt).ToListAsync(Ct);
            rows.Select(r => (r.Kind, r.Target, r.Attempts, r.LeaseOwner, r.FinishedAt)).ShouldBe(
            [
                (LibraryRequestKind.FullSync, films.Id.ToString(), 0, (string?)null, (DateTimeOffset?)null),
                (LibraryRequestKind.Sync, shows.Id.ToString(), 0, null, null),
            ]);
        }

        await using var second = await StartHostAsync(database, sync: null);
        await Eventually.HoldsAsync(async () => (await ListAsync(second)).Count == 0, "both requests ran after the restart", Patience);
        second.Sync.Syncs.ShouldBe([(films.Id, true), (shows.Id, false)]);
    }

    [Fact]
    public async Task ARequestWhoseApiDiedIsRunByAnotherApiOnceItsLeaseExpires()
    {
        var database = await TestDatabases.CreateMigratedAsync(postgres);
        var library = await AddLibraryRowAsync(database);
        Guid claimedId;
        await using (var db = NewContext(database))
        {
            var store = NewStore(db, leaseTtl: TimeSpan.FromSeconds(1));
            await store.EnqueueAsync(LibraryRequestKind.Sync, library.ToString(), Ct);
            // Claimed by a process that then died: nobody renews or finishes it.
            claimedId = (await store.ClaimAsync("api-that-died", Ct)).ShouldNotBeNull().Id;
        }

        await using var host = await StartHostAsync(database, sync: null);

        await Eventually.HoldsAsync(async () => (await ListAsync(host)).Count == 0, "another Api ran the abandoned request", Patience);
        host.Sync.Syncs.ShouldBe([(library, false)]);
        await using var late = NewContext(database);
        (await NewStore(late).CompleteAsync(claimedId, "api-that-died", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task TwoApisOnOneDatabaseRunEachRequestOnceAndNeverTogether()
    {
        var database = await TestDatabases.CreateMigratedAsync(postgres);
        var syncA = new ScriptedLibrarySyncService { Duration = TimeSpan.FromMilliseconds(50) };
        var syncB = new ScriptedLibrarySyncService { Duration = TimeSpan.FromMilliseconds(50) };
        await using var hostA = await StartHostAsync(database, syncA);
        await using var hostB = await StartHostAsync(database, syncB);
        var libraries = new List<Guid>();
        for (var i = 0; i < 16; i++)
        {
            libraries.Add((await hostA.AddLibraryAsync($"Library {i:00}")).Id);
        }

        // Half are written straight to the table (both Apis find them by polling), half through either Api.
        await using (var db = NewContext(database))
        {
            var store = NewStore(db);
            foreach (var library in libraries.Take(8))
            {
                await store.EnqueueAsync(LibraryRequestKind.Sync, library.ToString(), Ct);
            }
        }

        foreach (var (library, index) in libraries.Skip(8).Select((library, index) => (library, index)))
        {
            (await SyncAsync(index % 2 == 0 ? hostA : hostB, library, full: false)).ShouldBeTrue();
        }

        await Eventually.HoldsAsync(async () => (await ListAsync(hostA)).Count == 0, "every request ran", Patience);
        var started = syncA.Started.Concat(syncB.Started).Select(s => s.LibraryId).ToList();
        started.ShouldBe(libraries, ignoreOrder: true);
        syncA.Finished.Concat(syncB.Finished).Select(s => s.LibraryId).ShouldBe(libraries, ignoreOrder: true);
    }

    [Fact]
    public async Task ASyncRunningLongerThanItsLeaseTtlKeepsItsLeaseAndTheOtherApiDoesNotRunItToo()
    {
        var database = await TestDatabases.CreateMigratedAsync(postgres);
        var syncA = new ScriptedLibrarySyncService { Duration = TimeSpan.FromSeconds(12) };
        var syncB = new ScriptedLibrarySyncService { Duration = TimeSpan.FromSeconds(12) };
        // A 5 s lease renewed every 1.7 s: without the renewals the other Api would take the sync over after 5 s.
        await using var hostA = await StartHostAsync(database, syncA, leaseTtl: "00:00:05");
        await using var hostB = await StartHostAsync(database, syncB, leaseTtl: "00:00:05");
        var library = await hostA.AddLibraryAsync("Films");

        (await SyncAsync(hostA, library.Id, full: true)).ShouldBeTrue();

        await Eventually.HoldsAsync(async () => (await ListAsync(hostB)).Count == 0, "the long sync finished", Patience);
        syncA.Started.Concat(syncB.Started).Select(s => (s.LibraryId, s.Full)).ShouldBe([(library.Id, true)]);
        syncA.Finished.Concat(syncB.Finished).ShouldBe([(library.Id, true)]);
    }

    [Fact]
    public async Task AFailingRequestIsRetriedWithBackoffAndEndsFailedWithItsErrorInTheListing()
    {
        var sync = new ScriptedLibrarySyncService { Failure = _ => new MediaSourceException("jellyfin_unreachable", "Jellyfin answered 503 Service Unavailable.") };
        await using var host = await StartHostAsync(await TestDatabases.CreateMigratedAsync(postgres), sync);
        var library = await host.AddLibraryAsync("Films");

        (await SyncAsync(host, library.Id, full: false)).ShouldBeTrue();

        await Eventually.HoldsAsync(async () => (await ListAsync(host, "?state=failed")).Count == 1, "the request gave up", Patience);
        var failed = (await ListAsync(host, "?state=failed")).Single();
        failed.GetProperty("kind").GetString().ShouldBe("sync");
        failed.GetProperty("target").GetString().ShouldBe(library.Id.ToString());
        failed.GetProperty("state").GetString().ShouldBe("failed");
        failed.GetProperty("attempts").GetInt32().ShouldBe(3);
        failed.GetProperty("lastError").GetString().ShouldBe("Jellyfin answered 503 Service Unavailable.");
        failed.GetProperty("finishedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await ListAsync(host, "?state=pending")).ShouldBeEmpty();

        // Three attempts, the second at least one backoff (300 ms) after the first, the third two after the second.
        var starts = sync.Started.Select(s => s.StartedAt).ToList();
        starts.Count.ShouldBe(3);
        (starts[1] - starts[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300));
        (starts[2] - starts[1]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(600));
        sync.Finished.ShouldBeEmpty();

        // Asking again after a failure is a new request, not swallowed by the failed one.
        (await SyncAsync(host, library.Id, full: false)).ShouldBeTrue();
    }

    [Fact]
    public async Task TheListingRejectsAnUnknownStateOrPageSizeNamingTheField()
    {
        await using var host = await StartHostAsync(await TestDatabases.CreateMigratedAsync(postgres), sync: null);

        await (await host.GetAsync("/api/libraries/requests?state=done")).ShouldNameFieldAsync("state");
        await (await host.GetAsync("/api/libraries/requests?pageSize=0")).ShouldNameFieldAsync("pageSize");
        (await host.GetAsync("/api/libraries/requests?state=failed&page=2&pageSize=10")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<LibraryApiHost> StartHostAsync(string database, ScriptedLibrarySyncService? sync, string leaseTtl = "00:00:10") =>
        LibraryApiHost.CreateAsync(postgres, redis, database,
            new Dictionary<string, string?>
            {
                ["LibraryRequests:PollInterval"] = "00:00:00.200",
                ["LibraryRequests:LeaseTtl"] = leaseTtl,
                ["LibraryRequests:MaxAttempts"] = "3",
                ["LibraryRequests:RetryBackoff"] = "00:00:00.300",
            },
            services =>
            {
                if (sync is not null)
                {
                    services.AddSingleton<ILibrarySyncService>(sync);
                }
            });

    private static async Task<bool> SyncAsync(LibraryApiHost host, Guid library, bool full)
    {
        using var response = await host.PostAsync($"/api/libraries/{library}/sync?full={(full ? "true" : "false")}");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("queued").GetBoolean();
    }

    private static async Task<bool> RunRuleAsync(LibraryApiHost host, Guid rule)
    {
        using var response = await host.PostAsync($"/api/rules/{rule}/run");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("queued").GetBoolean();
    }

    private static async Task<List<JsonElement>> ListAsync(LibraryApiHost host, string query = "") =>
        [.. (await host.GetJsonAsync($"/api/libraries/requests{query}")).GetProperty("items").EnumerateArray()];

    private static FluxCaptionDbContext NewContext(string database)
    {
        var options = new DbContextOptionsBuilder<FluxCaptionDbContext>();
        DataExtensions.Configure(options, database);
        return new FluxCaptionDbContext(options.Options);
    }

    private static LibraryRequestStore NewStore(FluxCaptionDbContext db, TimeSpan? leaseTtl = null) =>
        new(db, TimeProvider.System, Options.Create(new LibraryRequestOptions { LeaseTtl = leaseTtl ?? TimeSpan.FromSeconds(60) }));

    private static async Task<Guid> AddLibraryRowAsync(string database)
    {
        var now = DateTimeOffset.UtcNow;
        var library = new LibraryEntity
        {
            Id = Guid.CreateVersion7(), Source = MediaSourceKind.Jellyfin, ExternalId = Guid.NewGuid().ToString("N"), Name = "Films",
            Enabled = true, CreatedAt = now, UpdatedAt = now,
        };
        await using var db = NewContext(database);
        db.Libraries.Add(library);
        await db.SaveChangesAsync(Ct);
        return library.Id;
    }
}
