using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FluxCaption.Tests.Libraries.Sync;

/// <summary>
/// The Worker's services in-process (real translation engines, Apertium included) against a fresh
/// test database and a private Redis key prefix, with an <see cref="InMemoryMediaSource"/> as the media source.
/// </summary>
public sealed class LibraryTestHost : IAsyncDisposable
{
    private LibraryTestHost(IHost host, InMemoryMediaSource source, string connectionString)
    {
        Host = host;
        Source = source;
        ConnectionString = connectionString;
    }

    public IHost Host { get; }

    public InMemoryMediaSource Source { get; }

    public string ConnectionString { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary><paramref name="roles"/> "none" runs no background work; "consumer" runs the stage consumers.</summary>
    public static async Task<LibraryTestHost> CreateAsync(
        PostgresServer postgres,
        RedisServer redis,
        string roles = "none",
        InMemoryMediaSource? source = null,
        IDictionary<string, string?>? overrides = null,
        string? connectionString = null,
        string? keyPrefix = null)
    {
        connectionString ??= await postgres.CreateDatabaseAsync();
        var builder = WorkerTestBuilder.Create(connectionString, redis, keyPrefix ?? RedisServer.NewKeyPrefix(), roles, overrides);
        source ??= new InMemoryMediaSource();
        builder.Services.AddSingleton<IMediaLibrarySource>(source);

        var host = builder.Build();
        await DatabaseMigrator.MigrateAsync(host.Services, CancellationToken.None);
        await host.StartAsync();
        return new LibraryTestHost(host, source, connectionString);
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<FluxCaptionDbContext, Task<T>> action) =>
        WithScopeAsync(services => action(services.GetRequiredService<FluxCaptionDbContext>()));

    /// <summary>Adds a library row for the source, as a Jellyfin refresh or the local-roots settings would.</summary>
    public Task<LibraryEntity> AddLibraryAsync(string externalId, bool writeBack = true) => WithDbAsync(async db =>
    {
        var library = new LibraryEntity
        {
            Id = Guid.CreateVersion7(),
            Source = Source.Kind,
            ExternalId = externalId,
            Name = $"Library {externalId}",
            WriteBack = writeBack,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Libraries.Add(library);
        await db.SaveChangesAsync();
        return library;
    });

    public Task<LibrarySyncSummary> SyncAsync(Guid libraryId, bool full) =>
        WithScopeAsync(services => services.GetRequiredService<ILibrarySyncService>().SyncAsync(libraryId, full, CancellationToken.None));

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await Host.StopAsync(timeout.Token);
        }
        finally
        {
            Host.Dispose();
        }
    }
}
