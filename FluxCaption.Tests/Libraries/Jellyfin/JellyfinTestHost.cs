using System.Globalization;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Jellyfin;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.TestServers.ScriptedJellyfin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Tests.Libraries.Jellyfin;

/// <summary>
/// A scripted Jellyfin with this test's own copy of the generated videos, and FluxCaption's Jellyfin
/// services registered the way the Api and Worker register them (AddJellyfin), with short timeouts.
/// </summary>
internal sealed class JellyfinTestHost : IAsyncDisposable
{
    private JellyfinTestHost(ScriptedJellyfinServer server, ServiceProvider services, SettableConnectionProvider connections, DirectoryInfo folder)
    {
        Server = server;
        Services = services;
        Connections = connections;
        Folder = folder;
    }

    public ScriptedJellyfinServer Server { get; }

    public ServiceProvider Services { get; }

    public SettableConnectionProvider Connections { get; }

    public DirectoryInfo Folder { get; }

    /// <summary>Every Information-or-above line FluxCaption's services logged.</summary>
    public CapturedLogs Logs { get; private init; } = null!;

    public ScriptedJellyfinLibrary Library { get; private set; } = null!;

    /// <summary>Movie.mkv: see <see cref="ScriptedJellyfinMedia.CopyToAsync"/>, plus a declared Spanish PGS track.</summary>
    public ScriptedJellyfinItem Movie { get; private set; } = null!;

    public ScriptedJellyfinItem Clip { get; private set; } = null!;

    public JellyfinClient Client => Services.GetRequiredService<JellyfinClient>();

    public JellyfinMediaSource Source => Services.GetRequiredService<JellyfinMediaSource>();

    public JellyfinConnectionTester Tester => Services.GetRequiredService<JellyfinConnectionTester>();

    public JellyfinConnection Connection => new(Server.Endpoint, Server.ApiKey);

    public static async Task<JellyfinTestHost> StartAsync(Dictionary<string, string?>? settings = null, bool withMedia = true)
    {
        var server = await ScriptedJellyfinServer.StartAsync(TestContext.Current.CancellationToken);
        var folder = Directory.CreateTempSubdirectory("fluxcaption-jellyfin-");
        var configuration = new Dictionary<string, string?>
        {
            ["Jellyfin:AttemptTimeout"] = "00:00:02",
            ["Jellyfin:TotalTimeout"] = "00:00:15",
            ["Jellyfin:MaxRetryAttempts"] = "2",
            ["Jellyfin:RetryBaseDelay"] = "00:00:00.050",
            ["Jellyfin:UploadPollInterval"] = "00:00:00.050",
            ["Jellyfin:UploadVisibleTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }

        var logs = new CapturedLogs();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build())
            .AddLogging(logging => logging.AddProvider(logs));
        var connections = new SettableConnectionProvider { Connection = new JellyfinConnection(server.Endpoint, server.ApiKey) };
        services.AddSingleton<IJellyfinConnectionProvider>(connections);
        services.AddJellyfin();
        var host = new JellyfinTestHost(server, services.BuildServiceProvider(validateScopes: true), connections, folder) { Logs = logs };
        host.Library = server.AddLibrary("Movies", folder.FullName);
        if (withMedia)
        {
            var (movie, clip) = await ScriptedJellyfinMedia.CopyToAsync(folder.FullName);
            host.Movie = await server.AddVideoAsync(host.Library, movie, declaredBitmaps: ["spa"]);
            host.Clip = await server.AddVideoAsync(host.Library, clip, type: "Episode", seriesName: "Clips", season: 1, episode: 2);
        }

        return host;
    }

    /// <summary>
    /// Jellyfin "in a container": it reports its media under a folder this host does not have, so a worker
    /// here cannot read the paths and has to download the files.
    /// </summary>
    public static async Task<JellyfinTestHost> StartInContainerAsync(Dictionary<string, string?>? settings = null)
    {
        var host = await StartAsync(settings);
        host.Server.ContainerMount = (host.Folder.FullName, "/media/fluxcaption-tests-" + Guid.NewGuid().ToString("N"));
        return host;
    }

    /// <summary>
    /// Waits until a download of <paramref name="item"/> has its headers (200) and its <c>.partial</c> file in
    /// <paramref name="tempFolder"/>, then a moment more for the first bytes (still buffered by the downloader).
    /// </summary>
    public async Task<FileInfo> StartedDownloadAsync(DirectoryInfo tempFolder, ScriptedJellyfinItem item)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (tempFolder.GetFiles().FirstOrDefault() is { } file && Server.RequestsTo("GET", $"/Videos/{item.Id}/stream") is [{ StatusCode: 200 }])
            {
                await Task.Delay(200, deadline.Token);
                return file;
            }

            await Task.Delay(20, deadline.Token);
        }
    }

    public LibraryEntity LibraryEntity() => new()
    {
        Id = Guid.NewGuid(),
        Source = MediaSourceKind.Jellyfin,
        ExternalId = Library.ItemId,
        Name = Library.Name,
        Path = Library.Location,
        WriteBack = true,
    };

    /// <summary>The item as a previous sync stored it (its streams as they were then).</summary>
    public async Task<MediaItemEntity> StoredAsync(ScriptedJellyfinItem item)
    {
        var discovered = (await Source.ReadItemAsync(LibraryEntity(), item.Id, TestContext.Current.CancellationToken))!;
        return new MediaItemEntity
        {
            Id = Guid.NewGuid(),
            Source = MediaSourceKind.Jellyfin,
            ExternalId = discovered.ExternalId,
            Path = discovered.Path,
            Title = discovered.Title,
            Kind = discovered.Kind,
            Streams = [.. discovered.Tracks],
            ChangeTag = discovered.ChangeTag,
        };
    }

    public string MoviePath(string fileName) => Path.Combine(Folder.FullName, "Movie", fileName);

    public static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
        Folder.Delete(recursive: true);
    }
}

/// <summary>The settings store as the Api would have it: whatever connection the user saved last, or none.</summary>
internal sealed class SettableConnectionProvider : IJellyfinConnectionProvider
{
    public JellyfinConnection? Connection { get; set; }

    public int Reads { get; private set; }

    public Task<JellyfinConnection?> GetAsync(CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(Connection);
    }
}
