using System.Net.Http.Json;

namespace FluxCaption.Web.Services;

// Items: the paged list with its filters, one item's detail, and "translate selected".
public sealed partial class FluxCaptionApiClient
{
    public async Task<ItemPageView> ListItemsAsync(ItemFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = new List<string> { $"page={page}", $"pageSize={pageSize}" };
        if (filter.LibraryId is { } library)
        {
            query.Add($"library={library}");
        }

        if (!string.IsNullOrWhiteSpace(filter.Missing))
        {
            query.Add($"missing={Uri.EscapeDataString(filter.Missing.Trim())}");
        }

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            query.Add($"q={Uri.EscapeDataString(filter.Query.Trim())}");
        }

        if (filter.HasJob is { } hasJob)
        {
            query.Add($"hasJob={(hasJob ? "true" : "false")}");
        }

        using var response = await http.GetAsync($"api/items?{string.Join('&', query)}", cancellationToken);
        return await ReadAsync<ItemPageView>(response, cancellationToken);
    }

    public async Task<ItemDetailView> GetItemAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/items/{id}", cancellationToken);
        return await ReadAsync<ItemDetailView>(response, cancellationToken);
    }

    public async Task<TranslateItemsResultView> TranslateItemsAsync(TranslateItemsInput input, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("api/items/translate", input, Json, cancellationToken);
        return await ReadAsync<TranslateItemsResultView>(response, cancellationToken);
    }

    /// <summary>The libraries as pickers need them (id, name); the libraries page has its own richer call.</summary>
    public async Task<IReadOnlyList<LibraryChoice>> ListLibraryChoicesAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/libraries", cancellationToken);
        return await ReadAsync<List<LibraryChoice>>(response, cancellationToken);
    }
}
