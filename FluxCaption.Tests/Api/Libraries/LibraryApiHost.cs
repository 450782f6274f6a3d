using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Api.Apis;
using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Jellyfin;
using FluxCaption.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Api.Libraries;

/// <summary>
/// The real Api on a fresh database with recording stand-ins for the library component (sync,
/// planner, connection tester), which other engineers build; everything else is real.
/// </summary>
public sealed class LibraryApiHost : IAsyncDisposable
{
    private readonly ApiFactory _inner;

    private LibraryApiHost(ApiFactory inner, WebApplicationFactory<EngineCatalog> factory)
    {
        _inner = inner;
        Factory = factory;
        Client = factory.CreateClient();
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiFactory.TestApiKey);
    }

    public WebApplicationFactory<EngineCatalog> Factory { get; }

    public HttpClient Client { get; }

    // Made before the factory: the Api's request service may resolve the sync as the host starts,
    // which is before this object exists (requests left in the table run at once).
    public RecordingLibrarySyncService Sync { get; private init; } = null!;

    public RecordingGapJobPlanner Planner { get; private init; } = null!;

    public RecordingConnectionTester Tester { get; private init; } = null!;

    public string ConnectionString => _inner.DatabaseConnectionString;

    public CapturedLogs Logs => _inner.Logs;

    /// <summary>
    /// A host with the recording stand-ins registered in front of the real sync, planner and tester;
    /// <paramref name="overrides"/> are configuration keys, <paramref name="services"/> registers after the stand-ins.
    /// </summary>
    public static async Task<LibraryApiHost> CreateAsync(
        PostgresServer postgres,
        RedisServer redis,
        string? databaseConnectionString = null,
        IDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? services = null)
    {
        var inner = await ApiFactory.CreateAsync(postgres, redis, overrides, databaseConnectionString);
        var sync = new RecordingLibrarySyncService();
        var planner = new RecordingGapJobPlanner();
        var tester = new RecordingConnectionTester();
        var factory = inner.WithWebHostBuilder(builder => builder.ConfigureTestServices(registrations =>
        {
            registrations.AddSingleton<ILibrarySyncService>(sync);
            registrations.AddSingleton<IGapJobPlanner>(planner);
            registrations.AddSingleton<IJellyfinConnectionTester>(tester);
            services?.Invoke(registrations);
        }));
        return new LibraryApiHost(inner, factory) { Sync = sync, Planner = planner, Tester = tester };
    }

    public FluxCaptionDbContext NewDbContext()
    {
        var options = new DbContextOptionsBuilder<FluxCaptionDbContext>();
        DataExtensions.Configure(options, ConnectionString);
        return new FluxCaptionDbContext(options.Options);
    }

    public async Task<LibraryEntity> AddLibraryAsync(string name, MediaSourceKind source = MediaSourceKind.Jellyfin, bool enabled = true)
    {
        var now = DateTimeOffset.UtcNow;
        var library = new LibraryEntity
        {
            Id = Guid.CreateVersion7(), Source = source, ExternalId = Guid.NewGuid().ToString("N"), Name = name,
            Enabled = enabled, CreatedAt = now, UpdatedAt = now,
        };
        await using var db = NewDbContext();
        db.Libraries.Add(library);
        await db.SaveChangesAsync(Ct);
        return library;
    }

    public static MediaItemEntity Item(LibraryEntity library, string title, params MediaTrack[] tracks)
    {
        var now = DateTimeOffset.UtcNow;
        return new MediaItemEntity
        {
            Id = Guid.CreateVersion7(), LibraryId = library.Id, Source = library.Source, ExternalId = Guid.NewGuid().ToString("N"),
            Title = title, Kind = "Movie", Streams = [.. tracks], ChangeTag = "t", FirstSeenAt = now, LastSeenAt = now, UpdatedAt = now,
        };
    }

    public async Task AddItemsAsync(params MediaItemEntity[] items)
    {
        await using var db = NewDbContext();
        db.MediaItems.AddRange(items);
        await db.SaveChangesAsync(Ct);
    }

    public static MediaTrack Subtitle(string language, bool forced = false, bool text = true) => new()
    {
        Kind = MediaTrackKind.Subtitle, Language = language, Codec = text ? "subrip" : "hdmv_pgs_subtitle", IsText = text, IsForced = forced,
    };

    /// <summary>The rule as the Api stores it (through POST /api/rules).</summary>
    public async Task<Guid> AddRuleAsync(object rule)
    {
        using var response = await Client.PostAsJsonAsync("/api/rules", rule, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Short forms of the calls every test makes, each with the test's cancellation token.
    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(url, Ct);

    public Task<string> GetStringAsync(string url) => Client.GetStringAsync(url, Ct);

    public Task<JsonElement> GetJsonAsync(string url) => Client.GetFromJsonAsync<JsonElement>(url, Ct);

    public Task<HttpResponseMessage> PostAsync(string url, object? body = null) =>
        body is null ? Client.PostAsync(url, null, Ct) : Client.PostAsJsonAsync(url, body, Ct);

    public Task<HttpResponseMessage> PutAsync(string url, object body) => Client.PutAsJsonAsync(url, body, Ct);

    public Task<HttpResponseMessage> DeleteAsync(string url) => Client.DeleteAsync(url, Ct);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await _inner.DisposeAsync();
    }
}
