using System.Net.Http.Json;

namespace FluxCaption.Web.Services;

/// <summary>Libraries: list, add a local folder, change, delete, sync, and read Jellyfin's list.</summary>
public sealed partial class FluxCaptionApiClient
{
    public async Task<IReadOnlyList<LibraryView>> ListLibrariesAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/libraries", cancellationToken);
        return await ReadAsync<List<LibraryView>>(response, cancellationToken);
    }

    /// <summary>The libraries with a sync the Api accepted and has not started yet (stored requests, so every tab and reload sees them).</summary>
    public async Task<IReadOnlySet<Guid>> ListWaitingSyncsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/libraries/requests?state=pending&pageSize=200", cancellationToken);
        var page = await ReadAsync<LibraryRequestPageView>(response, cancellationToken);
        return page.Items
            .Where(request => request.Kind is "sync" or "fullSync" && Guid.TryParse(request.Target, out _))
            .Select(request => Guid.Parse(request.Target))
            .ToHashSet();
    }

    public async Task<LibraryView> GetLibraryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/libraries/{id}", cancellationToken);
        return await ReadAsync<LibraryView>(response, cancellationToken);
    }

    public async Task<LibraryView> AddLocalLibraryAsync(NewLocalLibrary library, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("api/libraries", library, Json, cancellationToken);
        return await ReadAsync<LibraryView>(response, cancellationToken);
    }

    public async Task<LibraryView> UpdateLibraryAsync(Guid id, LibraryChange change, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync($"api/libraries/{id}", change, Json, cancellationToken);
        return await ReadAsync<LibraryView>(response, cancellationToken);
    }

    public async Task DeleteLibraryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync($"api/libraries/{id}", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Asks for a sync; it runs in the background, so the answer only says it was accepted.</summary>
    public async Task<LibrarySyncRequested> SyncLibraryAsync(Guid id, bool full, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"api/libraries/{id}/sync?full={(full ? "true" : "false")}", content: null, cancellationToken);
        return await ReadAsync<LibrarySyncRequested>(response, cancellationToken);
    }

    /// <summary>Reads the Jellyfin server's library list and answers every library, Jellyfin's and local.</summary>
    public async Task<IReadOnlyList<LibraryView>> RefreshJellyfinLibrariesAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync("api/libraries/refresh", content: null, cancellationToken);
        return await ReadAsync<List<LibraryView>>(response, cancellationToken);
    }
}
