using FluxCaption.Core.Jobs;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Services;

namespace FluxCaption.Tests.Web;

/// <summary>The items page's Api calls against the real Api (real gap planner, real database).</summary>
public sealed class ItemsClientTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WebClientSession _session = null!;

    public async ValueTask InitializeAsync() => _session = await WebClientSession.StartAsync(postgres, redis);

    public async ValueTask DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task TheListFiltersByLibraryMissingLanguageAndTitleAndShowsEpisodesBySeries()
    {
        var films = await _session.Data.AddLibraryAsync("Films");
        var shows = await _session.Data.AddLibraryAsync("Shows");
        await _session.Data.AddItemAsync(films, "Amélie", ItemsTestData.Subtitle("fr"));
        await _session.Data.AddItemAsync(films, "Brazil", ItemsTestData.Subtitle("en"));
        await _session.Data.AddEpisodeAsync(shows, "Dark", 1, 2, "Lies");

        var missingFrench = await _session.Client.ListItemsAsync(new ItemFilter(Missing: "fre"), 1, 25, Ct);
        missingFrench.Items.Select(item => item.DisplayTitle).ShouldBe(["Brazil", "Dark S01E02 · Lies"]);
        missingFrench.Total.ShouldBe(2);

        (await _session.Client.ListItemsAsync(new ItemFilter(LibraryId: shows.Id), 1, 25, Ct)).Items.Single().EpisodeCode.ShouldBe("S01E02");
        (await _session.Client.ListItemsAsync(new ItemFilter(Query: "bra"), 1, 25, Ct)).Items.Single().Title.ShouldBe("Brazil");
        var second = await _session.Client.ListItemsAsync(new ItemFilter(), 2, 2, Ct);
        (second.Total, second.Items.Count).ShouldBe((3, 1));
        (await _session.Client.ListLibraryChoicesAsync(Ct)).Select(library => library.Name).ShouldBe(["Films", "Shows"], ignoreOrder: true);
    }

    [Fact]
    public async Task AnUnknownMissingLanguageComesBackAsAProblemNamingTheField()
    {
        var problem = await Should.ThrowAsync<ApiProblemException>(() => _session.Client.ListItemsAsync(new ItemFilter(Missing: "elvish"), 1, 25, Ct));

        problem.StatusCode.ShouldBe(400);
        problem.Errors.Keys.ShouldContain("missing");
        problem.Messages.Single().ShouldContain("elvish");
    }

    [Fact]
    public async Task TranslatingSelectedItemsCreatesOneJobPerGapAndASecondPressReportsThemAsQueued()
    {
        var films = await _session.Data.AddLibraryAsync("Films");
        var covered = await _session.Data.AddItemAsync(films, "Has French", ItemsTestData.Subtitle("fr"), ItemsTestData.Subtitle("en"));
        var bare = await _session.Data.AddItemAsync(films, "English only", ItemsTestData.Subtitle("en"));

        var first = await _session.Client.TranslateItemsAsync(new TranslateItemsInput([covered.Id, bare.Id], ["fr"], "apertium"), Ct);

        first.ItemsConsidered.ShouldBe(2);
        first.CreatedJobIds.Count.ShouldBe(1);
        first.AlreadyCovered(1).ShouldBe(1);
        first.ActiveJobIds.ShouldBeEmpty();

        var second = await _session.Client.TranslateItemsAsync(new TranslateItemsInput([covered.Id, bare.Id], ["fr"]), Ct);
        second.CreatedJobIds.ShouldBeEmpty();
        second.ActiveJobIds.ShouldBe(first.CreatedJobIds);
    }

    [Fact]
    public async Task TranslatingWithoutALanguageIsRefusedNamingTargetLanguages()
    {
        var films = await _session.Data.AddLibraryAsync("Films");
        var item = await _session.Data.AddItemAsync(films, "Film");

        var problem = await Should.ThrowAsync<ApiProblemException>(() => _session.Client.TranslateItemsAsync(new TranslateItemsInput([item.Id], []), Ct));

        problem.Errors.Keys.ShouldBe(["targetLanguages"]);
    }

    [Fact]
    public async Task AnItemsDetailCarriesItsTrackFlagsCoverageAndJobs()
    {
        var films = await _session.Data.AddLibraryAsync("Films");
        var item = await _session.Data.AddItemAsync(films, "Film",
            ItemsTestData.Subtitle("en", hearingImpaired: true), ItemsTestData.Subtitle("de", text: false), ItemsTestData.Subtitle("es", ours: true));
        await _session.Client.CreateRuleAsync(new RuleInput("German", true, [], ["de", "fr"], [], null, null, "0 0 3 * * ?", 0, TimeSpan.Zero), Ct);
        var job = await _session.Data.AddJobAsync(item.Id, "fr", JobStatus.Running, progress: 0.4);

        var detail = await _session.Client.GetItemAsync(item.Id, Ct);

        detail.Tracks.Select(track => (track.Language, track.IsHearingImpaired, track.IsText, track.ProducedByFluxCaption))
            .ShouldBe([("en", true, true, false), ("de", false, false, false), ("es", false, true, true)]);
        detail.Coverage.Single(c => c.Language == "de").CoveringTracks.ShouldBe([1]);
        detail.Coverage.Single(c => c.Language == "fr").Covered.ShouldBeFalse();
        detail.Item.MissingLanguages.ShouldBe(["fr"]);
        var shown = detail.Jobs.ShouldHaveSingleItem();
        (shown.Id, shown.Status, shown.Progress).ShouldBe((job, "running", 0.4));
    }
}
