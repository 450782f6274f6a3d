using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FluxCaption.Tests.EndToEnd;

/// <summary>The library calls a user (or the Web UI) makes, against a running system, with the waits they imply.</summary>
internal sealed class LibraryApiClient(RunningSystem system)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await system.Client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asks for a sync and waits until the library reports a newer finished sync than before.</summary>
    public async Task<JsonElement> SyncAsync(Guid libraryId, bool full)
    {
        var before = await GetLibraryAsync(libraryId);
        var previous = before.GetProperty("lastSync").GetProperty("finishedAt").ToString();
        await SendAsync(HttpMethod.Post, $"/api/libraries/{libraryId}/sync?full={(full ? "true" : "false")}", null, HttpStatusCode.Accepted);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var library = await GetLibraryAsync(libraryId);
            var lastSync = library.GetProperty("lastSync");
            if (lastSync.GetProperty("status").GetString() is "succeeded" or "failed"
                && lastSync.GetProperty("finishedAt").ToString() != previous)
            {
                lastSync.GetProperty("status").GetString().ShouldBe("succeeded", library.ToString());
                return library;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Library {libraryId} did not finish syncing: {library}");
            }

            await Task.Delay(200, Ct);
        }
    }

    /// <summary>The local library at <paramref name="path"/> with write-back on: created the first time, found after that.</summary>
    public async Task<Guid> LibraryAsync(string path)
    {
        var libraries = await system.Client.GetFromJsonAsync<JsonElement>("/api/libraries", Ct);
        foreach (var library in libraries.EnumerateArray())
        {
            if (library.TryGetProperty("path", out var existing) && existing.GetString() == path)
            {
                return library.GetProperty("id").GetGuid();
            }
        }

        return (await SendAsync(HttpMethod.Post, "/api/libraries",
            new { source = "local", name = System.IO.Path.GetFileName(path), path, writeBack = true }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public Task<JsonElement> GetLibraryAsync(Guid libraryId) =>
        system.Client.GetFromJsonAsync<JsonElement>($"/api/libraries/{libraryId}", Ct);

    public async Task<IReadOnlyList<JsonElement>> ItemsMissingAsync(Guid libraryId, string language)
    {
        var page = await system.Client.GetFromJsonAsync<JsonElement>($"/api/items?library={libraryId}&missing={language}", Ct);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    public async Task<IReadOnlyList<Guid>> TranslateAsync(IEnumerable<Guid> itemIds, string language, string engine)
    {
        var answer = await SendAsync(HttpMethod.Post, "/api/items/translate",
            new { itemIds = itemIds.ToArray(), targetLanguages = new[] { language }, engine }, HttpStatusCode.Accepted);
        return [.. answer.GetProperty("createdJobIds").EnumerateArray().Select(id => id.GetGuid())];
    }
}
