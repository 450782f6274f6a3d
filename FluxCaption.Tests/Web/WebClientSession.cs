using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Web.Services;

namespace FluxCaption.Tests.Web;

/// <summary>The real Api in-process, the Web app's client pointed at it, and a way to add rows to its database.</summary>
internal sealed class WebClientSession : IAsyncDisposable
{
    private readonly ApiFactory _api;
    private readonly HttpClient _http;

    private WebClientSession(ApiFactory api)
    {
        _api = api;
        _http = api.CreateAuthorizedClient();
        Client = new FluxCaptionApiClient(_http);
        Data = new ItemsTestData(api.DatabaseConnectionString);
    }

    public FluxCaptionApiClient Client { get; }

    public ItemsTestData Data { get; }

    public static async Task<WebClientSession> StartAsync(PostgresServer postgres, RedisServer redis) =>
        new(await ApiFactory.CreateAsync(postgres, redis));

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }
}
