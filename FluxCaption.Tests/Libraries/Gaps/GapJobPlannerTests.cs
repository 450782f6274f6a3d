using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Messaging;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Libraries.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Libraries.Gaps;

public sealed class GapJobPlannerTests(PostgresServer postgres, RedisServer redis)
{
    private static Task<GapPlanResult> PlanAsync(LibraryTestHost host, GapPlanRequest request) =>
        host.WithScopeAsync(services => services.GetRequiredService<IGapJobPlanner>().PlanAsync(request, CancellationToken.None));

    [Fact]
    public async Task EachMissingLanguageOfEachItemGetsOneQueuedAcquireJobThatIsDispatched()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        var library = await host.AddLibraryAsync("movies");
        var ids = await PlannerItems.AddAsync(host, library.Id,
            ("has-es", [SampleItems.TextSubtitle("es")]),
            ("bare", []),
            ("has-fr", [SampleItems.TextSubtitle("fr")]));

        var result = await PlanAsync(host, new GapPlanRequest(["es", "fra"]) { Priority = 7, SourceLanguages = ["en"] });

        result.ShouldBe(result with { ItemsConsidered = 3, GapsFound = 4, JobsCreated = 4 });
        var jobs = await host.WithDbAsync(db => db.Jobs.AsNoTracking().ToListAsync());
        jobs.Select(job => (job.MediaItemId!.Value, job.TargetLanguage)).Order().ShouldBe(new[]
        {
            (ids["has-es"], "fr"), (ids["bare"], "es"), (ids["bare"], "fr"), (ids["has-fr"], "es"),
        }.Order());
        jobs.ShouldAllBe(job => job.Stage == JobStage.Scan && job.Status == JobStatus.Queued && job.Priority == 7
            && job.SourceDocumentId == null && job.Engine == "apertium" && job.Kind == JobKind.Translate);
        AcquireCheckpoint.ReadSourceLanguages(jobs[0].Checkpoint).ShouldBe(["en"]);
        var live = await host.Services.GetRequiredService<StageQueue>().LiveJobIdsAsync(JobStage.Scan);
        live.ShouldBe(result.CreatedJobIds.ToHashSet(), ignoreOrder: true);
        (await host.WithDbAsync(db => db.JobEvents.CountAsync(e => e.Type == JobEventTypes.Created))).ShouldBe(4);
    }

    [Fact]
    public async Task PlanningAgainCreatesNothingForGapsQueuedRunningPausedDoneOrCancelledButRetriesAFailedOne()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        var library = await host.AddLibraryAsync("movies");
        await PlannerItems.AddAsync(host, library.Id, ("a", []), ("b", []), ("c", []), ("d", []), ("e", []), ("f", []));
        var first = await PlanAsync(host, new GapPlanRequest(["es"]));
        var statuses = new[] { JobStatus.Queued, JobStatus.Running, JobStatus.Paused, JobStatus.Succeeded, JobStatus.Cancelled, JobStatus.Failed };
        await host.WithDbAsync(async db =>
        {
            var jobs = await db.Jobs.OrderBy(job => job.Id).ToListAsync();
            for (var index = 0; index < jobs.Count; index++)
            {
                jobs[index].Status = statuses[index];
            }

            return await db.SaveChangesAsync();
        });

        var second = await PlanAsync(host, new GapPlanRequest(["es"]));

        first.JobsCreated.ShouldBe(6);
        second.ShouldBe(second with { ItemsConsidered = 6, GapsFound = 6, JobsCreated = 1 });
        var failedItem = await host.WithDbAsync(db => db.Jobs.Where(job => job.Status == JobStatus.Failed).Select(job => job.MediaItemId).SingleAsync());
        (await host.WithDbAsync(db => db.Jobs.SingleAsync(job => job.Id == second.CreatedJobIds[0]))).MediaItemId.ShouldBe(failedItem);
        (await PlanAsync(host, new GapPlanRequest(["es"]))).JobsCreated.ShouldBe(0);
    }

    [Fact]
    public async Task YoungItemsGoneItemsDisabledLibrariesAndOtherLibrariesAreLeftAlone()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        var movies = await host.AddLibraryAsync("movies");
        var shows = await host.AddLibraryAsync("shows");
        var disabled = await host.AddLibraryAsync("disabled");
        var old = DateTimeOffset.UtcNow.AddDays(-3);
        var ids = await PlannerItems.AddAsync(host, movies.Id, ("old", []), ("young", []), ("gone", []));
        await PlannerItems.AddAsync(host, shows.Id, ("show", []));
        await PlannerItems.AddAsync(host, disabled.Id, ("hidden", []));
        await host.WithDbAsync(async db =>
        {
            await db.MediaItems.Where(item => item.Id != ids["young"]).ExecuteUpdateAsync(set => set.SetProperty(item => item.FirstSeenAt, old));
            await db.MediaItems.Where(item => item.Id == ids["gone"]).ExecuteUpdateAsync(set => set.SetProperty(item => item.GoneAt, DateTimeOffset.UtcNow));
            return await db.Libraries.Where(library => library.Id == disabled.Id).ExecuteUpdateAsync(set => set.SetProperty(library => library.Enabled, false));
        });

        var result = await PlanAsync(host, new GapPlanRequest(["de"]) { MinimumItemAge = TimeSpan.FromDays(1), LibraryIds = [movies.Id, disabled.Id] });

        result.ShouldBe(result with { ItemsConsidered = 1, JobsCreated = 1 });
        (await host.WithDbAsync(db => db.Jobs.SingleAsync())).MediaItemId.ShouldBe(ids["old"]);
        var selected = await PlanAsync(host, new GapPlanRequest(["de"]) { MediaItemIds = [ids["young"]] });
        selected.JobsCreated.ShouldBe(1);
    }

    [Fact]
    public async Task PlannersRacingOverTheSameGapsCreateExactlyOneJobPerGapAndNoneCrashes()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        var library = await host.AddLibraryAsync("movies");
        var items = Enumerable.Range(0, 200).Select(number => ($"item-{number}", Array.Empty<MediaTrack>())).ToArray();
        await PlannerItems.AddAsync(host, library.Id, items);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PlanAsync(host, new GapPlanRequest(["es", "de"]))));

        results.Sum(result => result.JobsCreated).ShouldBe(400);
        var perGap = await host.WithDbAsync(db => db.Jobs.GroupBy(job => new { job.MediaItemId, job.TargetLanguage }).Select(group => group.Count()).ToListAsync());
        perGap.Count.ShouldBe(400);
        perGap.ShouldAllBe(count => count == 1);
    }

    [Fact]
    public async Task AnItemWhoseTargetIsCoveredBySdhOrBitmapGetsNoJobUnderDefaultCoverageRules()
    {
        await using var host = await LibraryTestHost.CreateAsync(postgres, redis);
        var library = await host.AddLibraryAsync("movies");
        await PlannerItems.AddAsync(host, library.Id,
            ("sdh", [SampleItems.TextSubtitle("es") with { IsHearingImpaired = true }]),
            ("pgs", [SampleItems.BitmapSubtitle("es")]),
            ("forced", [SampleItems.TextSubtitle("es") with { IsForced = true }]));

        var result = await PlanAsync(host, new GapPlanRequest(["es"]));

        result.ShouldBe(result with { ItemsConsidered = 3, GapsFound = 1, JobsCreated = 1 });
    }
}
