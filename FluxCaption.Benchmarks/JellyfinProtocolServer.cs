using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Benchmarks;

/// <summary>
/// A Kestrel server on 127.0.0.1 answering the part of Jellyfin's HTTP API a library sync uses:
/// <c>/System/Info/Public</c>, <c>/Library/VirtualFolders</c> and paged <c>/Items</c>, with the
/// MediaBrowser token required. The items of <see cref="BenchmarkLibrary"/> are written straight to the
/// response, so the server keeps no list of the library either.
/// </summary>
internal sealed class JellyfinProtocolServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly BenchmarkLibrary _library;
    private long _itemRequests;

    private JellyfinProtocolServer(WebApplication app, BenchmarkLibrary library, string apiKey)
    {
        _app = app;
        _library = library;
        ApiKey = apiKey;
    }

    public string ApiKey { get; }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary><c>GET /Items</c> calls answered since the last call of this method.</summary>
    public long TakeItemRequests() => Interlocked.Exchange(ref _itemRequests, 0);

    public static async Task<JellyfinProtocolServer> StartAsync(BenchmarkLibrary library)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new JellyfinProtocolServer(app, library, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()));
        app.MapGet("/System/Info/Public", server.WritePublicInfoAsync);
        app.MapGet("/Library/VirtualFolders", server.WriteVirtualFoldersAsync);
        app.MapGet("/Items", server.WriteItemsAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task WritePublicInfoAsync(HttpContext context) => WriteJsonAsync(context, json =>
    {
        json.WriteStartObject();
        json.WriteString("LocalAddress", Endpoint.ToString());
        json.WriteString("ServerName", "fluxcaption-bench");
        json.WriteString("Version", "12.0.0");
        json.WriteString("ProductName", "Jellyfin Server");
        json.WriteString("Id", BenchmarkLibrary.ServerId);
        json.WriteBoolean("StartupWizardCompleted", true);
        json.WriteEndObject();
    });

    private Task WriteVirtualFoldersAsync(HttpContext context)
    {
        if (!Authorized(context))
        {
            return Unauthorized(context);
        }

        return WriteJsonAsync(context, json =>
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("Name", BenchmarkLibrary.Name);
            json.WriteStartArray("Locations");
            json.WriteStringValue(BenchmarkLibrary.Location);
            json.WriteEndArray();
            json.WriteString("CollectionType", "movies");
            json.WriteString("ItemId", BenchmarkLibrary.LibraryId);
            json.WriteStartObject("LibraryOptions");
            json.WriteBoolean("SaveSubtitlesWithMedia", true);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        });
    }

    private Task WriteItemsAsync(HttpContext context)
    {
        if (!Authorized(context))
        {
            return Unauthorized(context);
        }

        Interlocked.Increment(ref _itemRequests);
        var query = context.Request.Query;
        if (!ItemsQuery.TryParse(query, out var items, out var error))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return context.Response.WriteAsync(error);
        }

        var numbers = _library.Select(items);
        var page = numbers.Skip(items.StartIndex).Take(items.Limit ?? int.MaxValue);
        return WriteJsonAsync(context, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("Items");
            foreach (var number in page)
            {
                _library.WriteItem(json, number, items.Fields);
            }

            json.WriteEndArray();
            // Jellyfin answers 0 when the count was not asked for.
            json.WriteNumber("TotalRecordCount", items.EnableTotalRecordCount ? numbers.Count : 0);
            json.WriteNumber("StartIndex", items.StartIndex);
            json.WriteEndObject();
        });
    }

    // Jellyfin 12 accepts only the MediaBrowser scheme (or ApiKey=) and refuses the legacy forms with 401.
    private bool Authorized(HttpContext context)
    {
        if (context.Request.Query.TryGetValue("ApiKey", out var key) && key == ApiKey)
        {
            return true;
        }

        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("MediaBrowser ", StringComparison.OrdinalIgnoreCase)
            && header.Contains($"Token=\"{ApiKey}\"", StringComparison.Ordinal);
    }

    private static Task Unauthorized(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        // Kestrel adds the Date header the client takes its watermark from.
        using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            write(json);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}

/// <summary>The <c>/Items</c> query names the benchmark server understands (case-insensitive, as Jellyfin reads them).</summary>
internal sealed record ItemsQuery(
    string? ParentId,
    bool Recursive,
    IReadOnlySet<string>? IncludeItemTypes,
    IReadOnlySet<string> Fields,
    IReadOnlyList<string>? Ids,
    int StartIndex,
    int? Limit,
    DateTimeOffset? MinDateLastSaved,
    bool EnableTotalRecordCount)
{
    public static bool TryParse(IQueryCollection query, out ItemsQuery parsed, out string error)
    {
        parsed = null!;
        error = "";
        DateTimeOffset? since = null;
        if (query.TryGetValue("minDateLastSaved", out var sinceText))
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                error = "minDateLastSaved is not a date.";
                return false;
            }

            since = value;
        }

        if (!TryInt(query, "startIndex", out var start) || !TryInt(query, "limit", out var limit) || start < 0 || limit < 0)
        {
            error = "startIndex and limit must be whole numbers.";
            return false;
        }

        var sortBy = List(query, "sortBy");
        if (sortBy is not null && !sortBy.All(name => name is "SortName" or "Id" or "DateCreated"))
        {
            error = "Only SortName, Id and DateCreated sorting is served.";
            return false;
        }

        parsed = new ItemsQuery(
            query.TryGetValue("parentId", out var parent) ? parent.ToString() : null,
            bool.TryParse(query["recursive"], out var recursive) && recursive,
            List(query, "includeItemTypes")?.ToHashSet(StringComparer.OrdinalIgnoreCase),
            (List(query, "fields") ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase),
            List(query, "ids"),
            start ?? 0,
            limit,
            since,
            !bool.TryParse(query["enableTotalRecordCount"], out var count) || count);
        return true;
    }

    private static bool TryInt(IQueryCollection query, string name, out int? value)
    {
        value = null;
        if (!query.TryGetValue(name, out var text))
        {
            return true;
        }

        var ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        value = number;
        return ok;
    }

    private static List<string>? List(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var text)
            ? [.. text.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : null;
}
