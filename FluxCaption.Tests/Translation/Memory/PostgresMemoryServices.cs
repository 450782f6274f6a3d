using FluxCaption.Core.Data;
using FluxCaption.Core.Translation.Memory;
using FluxCaption.Tests.Api;
using FluxCaption.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Translation.Memory;

/// <summary>A migrated database of its own and the services a host registers for the memory and glossary.</summary>
internal static class PostgresMemoryServices
{
    public static async Task<ServiceProvider> BuildAsync(PostgresServer postgres, IDictionary<string, string?>? settings = null)
    {
        var connectionString = await TestDatabases.CreateMigratedAsync(postgres);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        services.AddLogging();
        services.AddDbContextPool<FluxCaptionDbContext>(options => DataExtensions.Configure(options, connectionString));
        services.AddTranslationMemory();
        return services.BuildServiceProvider(validateScopes: true);
    }

    public static async Task<T> WithDbAsync<T>(this ServiceProvider services, Func<FluxCaptionDbContext, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>());
    }

    public static Task<List<TranslationMemoryEntry>> EntriesAsync(this ServiceProvider services) =>
        services.WithDbAsync(db => db.TranslationMemory.AsNoTracking().OrderBy(e => e.SourceText).ToListAsync());
}
