using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluxCaption.Core.Libraries;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.Pipeline;

namespace FluxCaption.Tests.Api.Libraries;

public sealed class WebhooksApiTests(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string JellyfinItemId = "7f3c2a1b9d8e4f60a1b2c3d4e5f60718";

    private LibraryApiHost _host = null!;
    private HttpClient _plugin = null!;
    private string _secret = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await LibraryApiHost.CreateAsync(postgres, redis);
        using var rotate = await _host.PostAsync("/api/settings/webhook/rotate");
        _secret = (await rotate.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("secret").GetString()!;
        // The plugin has no Api key: a client without one.
        _plugin = _host.Factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _plugin.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task AMissingOrWrongSecretIs401AndNothingHappens()
    {
        (await SendAsync(ItemAdded("Movie"), secret: null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await SendAsync(ItemAdded("Movie"), secret: _secret + "x")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var apiKeyOnly = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/jellyfin") { Content = Json(ItemAdded("Movie")) };
        apiKeyOnly.Headers.Add("X-Api-Key", ApiFactory.TestApiKey);
        (await _plugin.SendAsync(apiKeyOnly, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        _host.Sync.ItemSyncs.ShouldBeEmpty();
    }

    [Fact]
    public async Task ItemAddedSyncsThatItemThenPlansItForEachEnabledRuleCoveringItsLibrary()
    {
        var films = await _host.AddLibraryAsync("Films");
        var shows = await _host.AddLibraryAsync("Shows");
        var item = LibraryApiHost.Item(films, "New film");
        await _host.AddItemsAsync(item);
        _host.Sync.KnownItems[JellyfinItemId] = item.Id;
        var everywhere = await _host.AddRuleAsync(new { name = "a everywhere", targetLanguages = new[] { "fr" }, cron = "0 0 3 * * ?" });
        var forFilms = await _host.AddRuleAsync(new { name = "b films", libraryIds = new[] { films.Id }, targetLanguages = new[] { "de" }, cron = "0 0 3 * * ?", minimumItemAge = "06:00:00" });
        await _host.AddRuleAsync(new { name = "c shows", libraryIds = new[] { shows.Id }, targetLanguages = new[] { "es" }, cron = "0 0 3 * * ?" });
        await _host.AddRuleAsync(new { name = "d off", enabled = false, targetLanguages = new[] { "it" }, cron = "0 0 3 * * ?" });

        using var response = await SendAsync(ItemAdded("Movie"), _secret);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.HoldsAsync(() => Task.FromResult(_host.Planner.Requests.Count == 2), "both rules planned the item");
        _host.Sync.ItemSyncs.ShouldBe([(MediaSourceKind.Jellyfin, JellyfinItemId)]);
        var plans = _host.Planner.Requests.ToList();
        plans.Select(p => p.RuleId).ShouldBe([everywhere, forFilms], ignoreOrder: true);
        plans.ShouldAllBe(p => p.MediaItemIds!.Single() == item.Id);
        plans.Single(p => p.RuleId == forFilms).MinimumItemAge.ShouldBe(TimeSpan.FromHours(6));
    }

    [Fact]
    public async Task CamelCaseFieldsADashedIdAndTheQuerySecretAreAccepted()
    {
        var body = """{"notificationType":"ItemAdded","itemId":"7f3c2a1b-9d8e-4f60-a1b2-c3d4e5f60718","itemType":"Episode","serverId":"s","name":"extra"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/jellyfin?secret={Uri.EscapeDataString(_secret)}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        (await _plugin.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        await Eventually.HoldsAsync(() => Task.FromResult(!_host.Sync.ItemSyncs.IsEmpty), "the item was synced");
        _host.Sync.ItemSyncs.ShouldBe([(MediaSourceKind.Jellyfin, JellyfinItemId)]);
        _host.Planner.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("PlaybackStart", "Movie")]
    [InlineData("ItemAdded", "Audio")]
    [InlineData("ItemAdded", "Series")]
    public async Task OtherNotificationsAreAcknowledgedAndIgnored(string type, string itemType)
    {
        using var response = await SendAsync(new { NotificationType = type, ItemId = JellyfinItemId, ItemType = itemType }, _secret);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Task.Delay(300, Ct);
        _host.Sync.ItemSyncs.ShouldBeEmpty();
    }

    [Fact]
    public async Task AMalformedNotificationIs400NamingTheProblem()
    {
        using var notJson = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/jellyfin")
        {
            Content = new StringContent("{not json", Encoding.UTF8, "application/json"),
        };
        notJson.Headers.Add("X-FluxCaption-Secret", _secret);
        await (await _plugin.SendAsync(notJson, Ct)).ShouldNameFieldAsync("body");
        await (await SendAsync(new { ItemId = JellyfinItemId }, _secret)).ShouldNameFieldAsync("NotificationType");
        await (await SendAsync(new { NotificationType = "ItemAdded", ItemType = "Movie" }, _secret)).ShouldNameFieldAsync("ItemId");
    }

    [Fact]
    public async Task AnItemAddedWhoseIdIsNotAJellyfinIdIs400RatherThanASyncOfEverything()
    {
        // Jellyfin answers an unparseable "ids" filter with every item it has, so such an id must stop here.
        var response = await SendAsync(new { NotificationType = "ItemAdded", ItemId = "not-a-guid", ItemType = "Movie" }, _secret);

        await response.ShouldNameFieldAsync("ItemId");
    }

    private static object ItemAdded(string itemType) =>
        new { NotificationType = "ItemAdded", ItemId = JellyfinItemId, ItemType = itemType, ServerId = "abc", Name = "New film", Year = 2024 };

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> SendAsync(object body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/jellyfin") { Content = Json(body) };
        if (secret is not null)
        {
            request.Headers.Add("X-FluxCaption-Secret", secret);
        }

        return await _plugin.SendAsync(request, Ct);
    }
}
