using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

internal sealed partial class ScriptedJellyfinServer
{
    private IResult GetItems(HttpContext context)
    {
        var query = context.Request.Query;
        var fields = Split(query["fields"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var types = Split(query["includeItemTypes"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ids = Split(query["ids"]).Select(id => id.Replace("-", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A real 12.0 server drops an "ids" filter it cannot parse and lists every item (seen).
        if (ids.Any(id => !Guid.TryParseExact(id, "N", out _)))
        {
            ids.Clear();
        }
        var parentId = query["parentId"].ToString();
        var recursive = string.Equals(query["recursive"], "true", StringComparison.OrdinalIgnoreCase);
        DateTimeOffset? minDateLastSaved = DateTimeOffset.TryParse(query["minDateLastSaved"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            ? since
            : null;

        lock (_gate)
        {
            IEnumerable<ScriptedJellyfinItem> matching = _items;
            if (ids.Count > 0)
            {
                matching = matching.Where(item => ids.Contains(item.Id));
            }

            if (parentId.Length > 0)
            {
                // Videos sit in sub-folders of a library: without recursive=true a library lists none of them.
                matching = recursive ? matching.Where(item => item.LibraryId.Equals(parentId, StringComparison.OrdinalIgnoreCase)) : [];
            }

            if (types.Count > 0)
            {
                matching = matching.Where(item => types.Contains(item.Type));
            }

            if (minDateLastSaved is { } minimum)
            {
                matching = matching.Where(item => item.DateLastSaved >= minimum);
            }

            var sorted = Split(query["sortBy"]).FirstOrDefault()?.ToLowerInvariant() switch
            {
                "datecreated" => matching.OrderBy(item => item.DateCreated).ThenBy(item => item.Id, StringComparer.Ordinal),
                _ => matching.OrderBy(item => item.Name, StringComparer.OrdinalIgnoreCase).ThenBy(item => item.Id, StringComparer.Ordinal),
            };
            var all = sorted.ToList();
            var start = int.TryParse(query["startIndex"], CultureInfo.InvariantCulture, out var startIndex) ? startIndex : 0;
            var page = all.Skip(start);
            if (int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var limit))
            {
                page = page.Take(limit);
            }

            var body = new JsonObject
            {
                ["Items"] = new JsonArray([.. page.Select(item => (JsonNode)ItemJson(item, fields))]),
                // Sent even with enableTotalRecordCount=false (seen): a client must not rely on it either way.
                ["TotalRecordCount"] = all.Count,
                ["StartIndex"] = start,
            };
            return Results.Content(body.ToJsonString(), "application/json; charset=utf-8");
        }
    }

    // An API key has no user: Jellyfin cannot resolve the item's user data and answers 400 (seen).
    private IResult GetItem(string id, HttpContext context)
    {
        if (string.IsNullOrEmpty(context.Request.Query["userId"]))
        {
            return Results.BadRequest("Error processing request.");
        }

        var item = FindItem(id);
        if (item is null)
        {
            return Results.NotFound();
        }

        lock (_gate)
        {
            var all = new HashSet<string>(["MediaStreams", "Path", "MediaSources", "DateCreated", "Etag"], StringComparer.OrdinalIgnoreCase);
            return Results.Content(ItemJson(item, all).ToJsonString(), "application/json; charset=utf-8");
        }
    }

    private IResult RefreshItem(string id)
    {
        var item = FindItem(id);
        if (item is null)
        {
            return Results.NotFound();
        }

        _ = RefreshLaterAsync(item, RefreshDelay);
        return Results.NoContent();
    }

    private async Task RefreshLaterAsync(ScriptedJellyfinItem item, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stopping.Token);
            RefreshNow(item);
        }
        catch (OperationCanceledException)
        {
            // Stopped before the refresh ran.
        }
    }

    // Called under _gate. Without "fields" Jellyfin leaves out the streams and the path.
    private JsonObject ItemJson(ScriptedJellyfinItem item, HashSet<string> fields)
    {
        var json = new JsonObject
        {
            ["Name"] = item.Name,
            ["ServerId"] = "f2b6a1c4d3e54f6a8b7c9d0e1f2a3b4c",
            ["Id"] = item.Id,
            ["Container"] = item.Container,
            ["RunTimeTicks"] = item.RunTimeTicks,
            ["IsFolder"] = false,
            ["Type"] = item.Type,
            ["MediaType"] = "Video",
        };
        if (item.SeriesName is not null)
        {
            json["SeriesName"] = item.SeriesName;
            json["ParentIndexNumber"] = item.SeasonNumber;
            json["IndexNumber"] = item.EpisodeNumber;
        }

        if (fields.Contains("Path"))
        {
            json["Path"] = Reported(item.Path);
        }

        if (fields.Contains("DateCreated"))
        {
            json["DateCreated"] = item.DateCreated.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        }

        // BaseItemDto has no DateLastSaved: a real server never sends it, even when asked (seen). Its
        // Etag is derived from the last save and only sent when asked for (null otherwise, seen).
        if (fields.Contains("Etag"))
        {
            json["Etag"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(item.DateLastSaved.UtcTicks.ToString(CultureInfo.InvariantCulture))));
        }

        if (fields.Contains("MediaSources"))
        {
            json["MediaSources"] = new JsonArray(new JsonObject
            {
                ["Protocol"] = "File",
                ["Id"] = item.Id,
                ["Path"] = Reported(item.Path),
                ["Type"] = "Default",
                ["Container"] = item.Container,
                ["Name"] = item.Name,
            });
        }

        if (fields.Contains("MediaStreams"))
        {
            json["MediaStreams"] = new JsonArray([.. item.Streams().Select((stream, index) => (JsonNode)StreamJson(stream, index))]);
        }

        return json;
    }

    private JsonObject StreamJson(ScriptedJellyfinStream stream, int index)
    {
        var json = new JsonObject
        {
            ["Codec"] = stream.Codec,
            ["Language"] = stream.Language,
            ["Title"] = stream.Title,
            ["DisplayTitle"] = string.Join(" - ", new[] { stream.Title ?? DisplayLanguage(stream.Language), stream.Codec?.ToUpperInvariant(), stream.IsExternal ? "External" : null }.Where(p => p is not null)),
            ["IsDefault"] = stream.IsDefault,
            ["IsForced"] = stream.IsForced,
            ["IsHearingImpaired"] = stream.IsHearingImpaired,
            ["Type"] = stream.Type,
            ["Index"] = index,
            ["IsExternal"] = stream.IsExternal,
            ["IsTextSubtitleStream"] = stream.Type == "Subtitle" && stream.IsText,
            ["SupportsExternalStream"] = stream.Type == "Subtitle" && stream.IsText,
        };
        if (stream.IsExternal)
        {
            json["Path"] = Reported(stream.Path);
            json["DeliveryMethod"] = "External";
        }

        return json;
    }

    // What the DisplayTitle starts with when a stream has no title: the language's English name, as
    // "Chinese (Traditional)" for a "zh-hant" sidecar (seen), or "Und".
    private static string DisplayLanguage(string? language)
    {
        if (language is null)
        {
            return "Und";
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(language);
            return culture.EnglishName.Length > 0 && !culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? culture.EnglishName : language;
        }
        catch (CultureNotFoundException)
        {
            return language;
        }
    }

    private static IEnumerable<string> Split(Microsoft.Extensions.Primitives.StringValues value) =>
        value.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
