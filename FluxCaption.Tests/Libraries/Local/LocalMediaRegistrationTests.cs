using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Local;
using FluxCaption.Core.Media;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FluxCaption.Tests.Libraries.Local;

public sealed class LocalMediaRegistrationTests(LocalMediaFixture media, PostgresServer postgres) : IClassFixture<LocalMediaFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ItemsStoredInMediaItemsAreNotProbedAgainByTheRegisteredSource()
    {
        var root = media.NewFolder();
        media.PlaceVideo(root, "Film.mkv");
        media.PlaceVideo(root, "Other.mkv");
        var probe = new LocalMediaFixture.CountingProbe(new MediaProbe(Options.Create(new MediaOptions()), NullLogger<MediaProbe>.Instance));
        using var host = Build(await TestDatabases.CreateMigratedAsync(postgres), probe);
        var library = LocalMediaFixture.Library(root);
        await WithScopeAsync(host, async services =>
        {
            var db = services.GetRequiredService<FluxCaptionDbContext>();
            db.Libraries.Add(library);
            var first = await ReadAllAsync(services, library);
            // Stored as a sync would store it; Other.mkv is left out, so it is probed again.
            db.MediaItems.Add(Stored(library, first.Single(item => item.ExternalId == "Film.mkv")));
            await db.SaveChangesAsync(Token);
        });

        var second = await WithScopeAsync(host, services => ReadAllAsync(services, library));

        probe.Count.ShouldBe(3);
        second.Single(item => item.ExternalId == "Film.mkv").Tracks.Count(track => track.Kind == MediaTrackKind.Subtitle).ShouldBe(2);
    }

    [Fact]
    public async Task APageSizeOfZeroStopsTheHostAtStartWithTheKeyNamed()
    {
        var probe = new LocalMediaFixture.CountingProbe(new MediaProbe(Options.Create(new MediaOptions()), NullLogger<MediaProbe>.Instance));
        using var host = Build("Host=127.0.0.1;Database=unused", probe, ("LocalMedia:PageSize", "0"));

        var exception = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(Token));

        exception.Message.ShouldContain("PageSize");
    }

    private static IHost Build(string connectionString, IMediaProbe probe, params (string Key, string Value)[] settings)
    {
        // No defaults: nothing from the environment or an appsettings file, and no console logging of every SQL command.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration["ConnectionStrings:fluxcaption"] = connectionString;
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.Services.AddSingleton(probe);
        builder.AddFluxCaptionData();
        builder.AddLocalMedia();
        return builder.Build();
    }

    private static async Task<T> WithScopeAsync<T>(IHost host, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private static Task WithScopeAsync(IHost host, Func<IServiceProvider, Task> action) =>
        WithScopeAsync(host, async services =>
        {
            await action(services);
            return true;
        });

    private static async Task<List<DiscoveredMediaItem>> ReadAllAsync(IServiceProvider services, LibraryEntity library)
    {
        var source = services.GetServices<IMediaLibrarySource>().Single(source => source.Kind == MediaSourceKind.Local);
        var items = new List<DiscoveredMediaItem>();
        await foreach (var page in source.ReadItemsAsync(library, null, Token))
        {
            items.AddRange(page.Items);
        }

        return items;
    }

    private static MediaItemEntity Stored(LibraryEntity library, DiscoveredMediaItem item) => new()
    {
        Id = Guid.NewGuid(),
        LibraryId = library.Id,
        Source = item.Source,
        ExternalId = item.ExternalId,
        Path = item.Path,
        Title = item.Title,
        Kind = item.Kind,
        Runtime = item.Runtime,
        Streams = [.. item.Tracks],
        ChangeTag = item.ChangeTag,
        FirstSeenAt = DateTimeOffset.UtcNow,
        LastSeenAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
