using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries.Requests;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FluxCaption.Tests.Libraries.Requests;

/// <summary>The request table's queue semantics on real PostgreSQL, with a clock the test moves.</summary>
public sealed class LibraryRequestStoreTests(PostgresServer postgres) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly List<FluxCaptionDbContext> _contexts = [];
    private readonly LibraryRequestOptions _options = new()
    {
        LeaseTtl = TimeSpan.FromMinutes(1), MaxAttempts = 3, RetryBackoff = TimeSpan.FromSeconds(30), MaxRetryBackoff = TimeSpan.FromMinutes(10),
    };

    private string _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabases.CreateMigratedAsync(postgres);

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheSameRequestAskedTwiceWhileItWaitsIsOneRowAndAskingWhileItRunsQueuesAFreshRun()
    {
        var store = NewStore();

        (await store.EnqueueAsync(LibraryRequestKind.Sync, "library-a", Ct)).ShouldBeTrue();
        (await store.EnqueueAsync(LibraryRequestKind.Sync, "library-a", Ct)).ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await store.EnqueueAsync(LibraryRequestKind.FullSync, "library-a", Ct)).ShouldBeTrue();
        (await store.EnqueueAsync(LibraryRequestKind.RuleRun, "library-a", Ct)).ShouldBeTrue();
        (await RowsAsync()).Count.ShouldBe(3);

        var running = (await store.ClaimAsync("api-1", Ct)).ShouldNotBeNull();
        (running.Kind, running.Target, running.Attempts).ShouldBe((LibraryRequestKind.Sync, "library-a", 1));
        (await store.EnqueueAsync(LibraryRequestKind.Sync, "library-a", Ct)).ShouldBeTrue();
        (await store.EnqueueAsync(LibraryRequestKind.Sync, "library-a", Ct)).ShouldBeFalse();

        (await RowsAsync()).Count(row => row.Kind == LibraryRequestKind.Sync).ShouldBe(2);
    }

    [Fact]
    public async Task ARequestWhoseLeaseExpiredIsClaimedByAnotherOwnerAndTheFirstCanNoLongerFinishIt()
    {
        var store = NewStore();
        await store.EnqueueAsync(LibraryRequestKind.RuleRun, "rule-1", Ct);
        var first = (await store.ClaimAsync("dead-api", Ct)).ShouldNotBeNull();
        (await NewStore().ClaimAsync("live-api", Ct)).ShouldBeNull();

        _clock.Advance(TimeSpan.FromSeconds(61));
        var second = (await NewStore().ClaimAsync("live-api", Ct)).ShouldNotBeNull();

        second.Id.ShouldBe(first.Id);
        second.Attempts.ShouldBe(2);
        (await store.RenewAsync(first.Id, "dead-api", Ct)).ShouldBeFalse();
        (await store.CompleteAsync(first.Id, "dead-api", Ct)).ShouldBeFalse();
        (await store.FailAsync(first.Id, "dead-api", "late", Ct)).ShouldBe(LibraryRequestFailOutcome.LeaseLost);
        (await NewStore().CompleteAsync(second.Id, "live-api", Ct)).ShouldBeTrue();
        (await RowsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ARenewedLeaseOutlivesItsFirstTtl()
    {
        var store = NewStore();
        await store.EnqueueAsync(LibraryRequestKind.FullSync, "library-b", Ct);
        var claimed = (await store.ClaimAsync("api-1", Ct)).ShouldNotBeNull();

        _clock.Advance(TimeSpan.FromSeconds(45));
        (await store.RenewAsync(claimed.Id, "api-1", Ct)).ShouldBeTrue();
        _clock.Advance(TimeSpan.FromSeconds(45));

        (await NewStore().ClaimAsync("api-2", Ct)).ShouldBeNull();
        (await store.CompleteAsync(claimed.Id, "api-1", Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task AFailedAttemptWaitsOutADoublingBackoffAndTheLastOneFailsForGoodWithItsError()
    {
        var store = NewStore();
        await store.EnqueueAsync(LibraryRequestKind.Sync, "library-c", Ct);

        var first = (await store.ClaimAsync("api-1", Ct)).ShouldNotBeNull();
        (await store.FailAsync(first.Id, "api-1", "Jellyfin answered 503", Ct)).ShouldBe(LibraryRequestFailOutcome.Retrying);
        var waiting = (await RowsAsync()).Single();
        (waiting.NotBefore, waiting.LastError, waiting.FinishedAt)
            .ShouldBe(((DateTimeOffset?)(_clock.GetUtcNow() + TimeSpan.FromSeconds(30)), (string?)"Jellyfin answered 503", (DateTimeOffset?)null));
        _clock.Advance(TimeSpan.FromSeconds(29));
        (await store.ClaimAsync("api-1", Ct)).ShouldBeNull();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = (await store.ClaimAsync("api-1", Ct)).ShouldNotBeNull();
        second.Attempts.ShouldBe(2);

        (await store.FailAsync(second.Id, "api-1", "Jellyfin answered 502", Ct)).ShouldBe(LibraryRequestFailOutcome.Retrying);
        _clock.Advance(TimeSpan.FromSeconds(59));
        (await store.ClaimAsync("api-1", Ct)).ShouldBeNull();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var third = (await store.ClaimAsync("api-1", Ct)).ShouldNotBeNull();
        (await store.FailAsync(third.Id, "api-1", "Jellyfin refused the connection", Ct)).ShouldBe(LibraryRequestFailOutcome.Failed);

        _clock.Advance(TimeSpan.FromDays(1));
        (await store.ClaimAsync("api-1", Ct)).ShouldBeNull();
        var failed = (await RowsAsync()).Single();
        (failed.Attempts, failed.LastError, failed.FinishedAt is not null, failed.LeaseOwner).ShouldBe((3, "Jellyfin refused the connection", true, (string?)null));
        // A failed request does not stand in the way of asking again.
        (await store.EnqueueAsync(LibraryRequestKind.Sync, "library-c", Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task ReleasingHandsTheRequestBackAtOnceWithoutCountingTheAttempt()
    {
        var store = NewStore();
        await store.EnqueueAsync(LibraryRequestKind.JellyfinItemAdded, "7f3c2a1b", Ct);
        var claimed = (await store.ClaimAsync("stopping-api", Ct)).ShouldNotBeNull();

        (await store.ReleaseAsync(claimed.Id, "stopping-api", Ct)).ShouldBeTrue();
        var again = (await NewStore().ClaimAsync("next-api", Ct)).ShouldNotBeNull();

        (again.Id, again.Attempts).ShouldBe((claimed.Id, 1));
    }

    [Fact]
    public async Task HandingBackARequestAskedForAgainWhileItRanLeavesOneWaitingRow()
    {
        var store = NewStore();
        await store.EnqueueAsync(LibraryRequestKind.Sync, "library-d", Ct);
        await store.EnqueueAsync(LibraryRequestKind.RuleRun, "rule-2", Ct);
        var released = (await store.ClaimAsync("api-1", Ct)).ShouldNotBeNull();
        var failing = (await store.ClaimAsync("api-1", Ct)).ShouldNotBeNull();
        (await store.EnqueueAsync(released.Kind, released.Target, Ct)).ShouldBeTrue();
        (await store.EnqueueAsync(failing.Kind, failing.Target, Ct)).ShouldBeTrue();

        (await store.ReleaseAsync(released.Id, "api-1", Ct)).ShouldBeTrue();
        (await store.FailAsync(failing.Id, "api-1", "planner down", Ct)).ShouldBe(LibraryRequestFailOutcome.Retrying);

        var rows = await RowsAsync();
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(row => row.LeaseOwner == null && row.FinishedAt == null);
        rows.Select(row => row.Target).ShouldBe(["library-d", "rule-2"], ignoreOrder: true);
    }

    [Fact]
    public async Task ARequestWhoseProcessDiedOnTheLastAttemptFailsInsteadOfRunningAgain()
    {
        var store = NewStore();
        await store.EnqueueAsync(LibraryRequestKind.FullSync, "library-e", Ct);
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            (await store.ClaimAsync($"crashing-api-{attempt}", Ct)).ShouldNotBeNull().Attempts.ShouldBe(attempt);
            _clock.Advance(TimeSpan.FromMinutes(2));
        }

        (await store.ClaimAsync("api", Ct)).ShouldBeNull();
        var failed = (await RowsAsync()).Single();
        failed.FinishedAt.ShouldNotBeNull();
        failed.LastError.ShouldNotBeNull().ShouldContain("lease expired");
    }

    [Fact]
    public async Task OwnersClaimingAtOnceNeverGetTheSameRequest()
    {
        var store = NewStore();
        var targets = Enumerable.Range(0, 60).Select(i => $"library-{i}").ToList();
        foreach (var target in targets)
        {
            await store.EnqueueAsync(LibraryRequestKind.Sync, target, Ct);
        }

        var claimers = Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
        {
            var mine = new List<string>();
            var own = NewStore();
            while (await own.ClaimAsync($"api-{n}", Ct) is { } request)
            {
                mine.Add(request.Target);
            }

            return mine;
        }, Ct)).ToList();
        var claimed = (await Task.WhenAll(claimers)).SelectMany(targetsOfOne => targetsOfOne).ToList();

        claimed.Count.ShouldBe(targets.Count);
        claimed.ShouldBe(targets, ignoreOrder: true);
    }

    [Fact]
    public async Task FailedRequestsArePurgedOnceOlderThanTheRetentionAndWaitingOnesStay()
    {
        _options.MaxAttempts = 1;
        var store = NewStore();
        await store.EnqueueAsync(LibraryRequestKind.RuleRun, "rule-old", Ct);
        var claimed = (await store.ClaimAsync("api", Ct)).ShouldNotBeNull();
        (await store.FailAsync(claimed.Id, "api", "rule exploded", Ct)).ShouldBe(LibraryRequestFailOutcome.Failed);
        _clock.Advance(TimeSpan.FromDays(29));
        await store.EnqueueAsync(LibraryRequestKind.RuleRun, "rule-new", Ct);
        (await store.PurgeFailedAsync(Ct)).ShouldBe(0);

        _clock.Advance(TimeSpan.FromDays(2));

        (await store.PurgeFailedAsync(Ct)).ShouldBe(1);
        (await RowsAsync()).Select(row => row.Target).ShouldBe(["rule-new"]);
    }

    private LibraryRequestStore NewStore() => new(NewContext(), _clock, Options.Create(_options));

    private FluxCaptionDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<FluxCaptionDbContext>();
        DataExtensions.Configure(options, _database);
        var context = new FluxCaptionDbContext(options.Options);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return context;
    }

    private async Task<List<LibraryRequest>> RowsAsync()
    {
        await using var db = NewContext();
        return await db.LibraryRequests.AsNoTracking().OrderBy(row => row.RequestedAt).ToListAsync(Ct);
    }
}
