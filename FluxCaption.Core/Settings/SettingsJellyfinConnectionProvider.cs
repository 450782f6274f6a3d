using FluxCaption.Core.Libraries.Jellyfin;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Core.Settings;

/// <summary>The Jellyfin connection from the settings table, read afresh on every call.</summary>
internal sealed class SettingsJellyfinConnectionProvider(IServiceScopeFactory scopes) : IJellyfinConnectionProvider
{
    public async Task<JellyfinConnection?> GetAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RuntimeSettings>().GetJellyfinConnectionAsync(cancellationToken);
    }
}
