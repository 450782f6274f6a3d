using System.Globalization;
using System.Text.Json;

namespace FluxCaption.Benchmarks;

/// <summary>
/// The movies <see cref="JellyfinProtocolServer"/> serves, computed from their number: a video, an
/// English audio and one to three subtitle streams each, all last saved a day before the run. A changed
/// item is saved at the time of the change and gains an external Spanish subtitle, listed first with
/// every index renumbered from 0, as Jellyfin does after an upload.
/// </summary>
internal sealed class BenchmarkLibrary(int count)
{
    public const string ServerId = "0f1c2a9e5b7d4c3e8a6f1b2d3c4e5f60";
    public const string LibraryId = "7e3a1c5b9d2f4e6a8c0b1d3f5a7c9e2b";
    public const string Name = "Benchmark Films";
    public const string Location = "/media/bench";

    private const string IdPrefix = "b3ac";
    private const int IdDigits = 28;

    private static readonly (string Language, string Codec, bool Text)[] EmbeddedSubtitles =
        [("eng", "subrip", true), ("fra", "ass", true), ("deu", "hdmv_pgs_subtitle", false)];

    private readonly DateTimeOffset _originallySaved = DateTimeOffset.UtcNow.AddDays(-1);
    private volatile ChangeSet _changes = new([], DateTimeOffset.MinValue);

    public int Count => count;

    /// <summary>Saves the given items now: later listings show them with the new date and the extra stream.</summary>
    public void Change(IEnumerable<int> numbers) =>
        _changes = new ChangeSet([.. _changes.Numbers.Union(numbers)], DateTimeOffset.UtcNow);

    /// <summary>The item numbers the query selects, in SortName order (the names are zero-padded, so number order).</summary>
    public IReadOnlyList<int> Select(ItemsQuery query)
    {
        var changes = _changes;
        IEnumerable<int> numbers;
        if (query.Ids is { } ids)
        {
            numbers = ids.Select(NumberOf).OfType<int>().Distinct().Order();
        }
        else if (query.ParentId != LibraryId || !query.Recursive)
        {
            // The movies sit in folders under the library: without recursive=true none is a direct child.
            return [];
        }
        else
        {
            numbers = Enumerable.Range(0, count);
        }

        if (query.IncludeItemTypes is { } types && !types.Contains("Movie"))
        {
            return [];
        }

        if (query.MinDateLastSaved is { } since)
        {
            numbers = since <= _originallySaved ? numbers : changes.Numbers.Count == 0 || since > changes.SavedAt ? [] : numbers.Where(changes.Numbers.Contains);
        }

        return [.. numbers];
    }

    public void WriteItem(Utf8JsonWriter json, int number, IReadOnlySet<string> fields)
    {
        var changes = _changes;
        var changed = changes.Numbers.Contains(number);
        var id = IdPrefix + number.ToString("x" + IdDigits, CultureInfo.InvariantCulture);
        var name = $"Item {number:D6}";
        var path = $"{Location}/{name}/{name}.mkv";
        json.WriteStartObject();
        json.WriteString("Name", name);
        json.WriteString("ServerId", ServerId);
        json.WriteString("Id", id);
        if (fields.Contains("DateCreated"))
        {
            json.WriteString("DateCreated", _originallySaved.AddDays(-30));
        }

        // Like a real server: no DateLastSaved on an item, an Etag (moving with each save) only when asked.
        if (fields.Contains("Etag"))
        {
            json.WriteString("Etag", (changed ? changes.SavedAt : _originallySaved).UtcTicks.ToString("x", CultureInfo.InvariantCulture));
        }

        json.WriteString("Container", "mkv");
        json.WriteNumber("RunTimeTicks", TimeSpan.FromMinutes(85 + number % 40).Ticks);
        json.WriteBoolean("IsFolder", false);
        json.WriteString("Type", "Movie");
        json.WriteString("MediaType", "Video");
        if (fields.Contains("Path"))
        {
            json.WriteString("Path", path);
        }

        if (fields.Contains("MediaSources"))
        {
            json.WriteStartArray("MediaSources");
            json.WriteStartObject();
            json.WriteString("Id", id);
            json.WriteString("Path", path);
            json.WriteString("Protocol", "File");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (fields.Contains("MediaStreams"))
        {
            WriteStreams(json, number, name, changed);
        }

        json.WriteEndObject();
    }

    private static void WriteStreams(Utf8JsonWriter json, int number, string name, bool changed)
    {
        json.WriteStartArray("MediaStreams");
        var index = 0;
        if (changed)
        {
            WriteSubtitle(json, index++, "spa", "subrip", text: true, externalPath: $"{Location}/{name}/{name}.spa.srt");
        }

        json.WriteStartObject();
        json.WriteString("Codec", "h264");
        json.WriteString("Type", "Video");
        json.WriteNumber("Index", index++);
        json.WriteBoolean("IsDefault", true);
        json.WriteBoolean("IsExternal", false);
        json.WriteBoolean("IsTextSubtitleStream", false);
        json.WriteNumber("Width", 1920);
        json.WriteNumber("Height", 1080);
        json.WriteEndObject();

        json.WriteStartObject();
        json.WriteString("Codec", "aac");
        json.WriteString("Language", "eng");
        json.WriteString("DisplayTitle", "English - AAC - Stereo - Default");
        json.WriteString("Type", "Audio");
        json.WriteNumber("Index", index++);
        json.WriteBoolean("IsDefault", true);
        json.WriteBoolean("IsExternal", false);
        json.WriteBoolean("IsTextSubtitleStream", false);
        json.WriteNumber("Channels", 2);
        json.WriteEndObject();

        foreach (var (language, codec, text) in EmbeddedSubtitles.AsSpan(0, 1 + number % EmbeddedSubtitles.Length))
        {
            WriteSubtitle(json, index++, language, codec, text, externalPath: null);
        }

        json.WriteEndArray();
    }

    private static void WriteSubtitle(Utf8JsonWriter json, int index, string language, string codec, bool text, string? externalPath)
    {
        json.WriteStartObject();
        json.WriteString("Codec", codec);
        json.WriteString("Language", language);
        json.WriteString("DisplayTitle", $"{language} - {codec.ToUpperInvariant()}{(externalPath is null ? "" : " - External")}");
        json.WriteString("Type", "Subtitle");
        json.WriteNumber("Index", index);
        json.WriteBoolean("IsDefault", false);
        json.WriteBoolean("IsForced", false);
        json.WriteBoolean("IsHearingImpaired", false);
        json.WriteBoolean("IsExternal", externalPath is not null);
        if (externalPath is not null)
        {
            json.WriteString("Path", externalPath);
        }

        json.WriteBoolean("IsTextSubtitleStream", text);
        json.WriteEndObject();
    }

    private int? NumberOf(string id)
    {
        var hex = id.Replace("-", "", StringComparison.Ordinal);
        return hex.Length == IdPrefix.Length + IdDigits
            && hex.StartsWith(IdPrefix, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(hex.AsSpan(IdPrefix.Length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var number)
            && number < count
                ? number
                : null;
    }

    private sealed record ChangeSet(HashSet<int> Numbers, DateTimeOffset SavedAt);
}
