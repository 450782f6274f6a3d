using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FluxCaption.Core.Languages;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.TestServers.ScriptedJellyfin;

internal sealed partial class ScriptedJellyfinServer
{
    private static readonly HashSet<string> SubtitleExtensions = new(StringComparer.OrdinalIgnoreCase) { "srt", "ass", "ssa", "vtt", "sub", "smi", "sami", "sup", "mks" };

    private readonly List<ScriptedJellyfinLibrary> _libraries = [];
    private readonly List<ScriptedJellyfinItem> _items = [];
    private readonly Dictionary<string, byte[]> _virtualFiles = new(StringComparer.Ordinal);

    public IReadOnlyList<ScriptedJellyfinItem> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public ScriptedJellyfinLibrary AddLibrary(string name, string location, string collectionType = "movies")
    {
        var library = new ScriptedJellyfinLibrary(name, IdFor("library:" + location), location, collectionType);
        lock (_gate)
        {
            _libraries.Add(library);
        }

        return library;
    }

    /// <summary>
    /// Adds a real video: its streams come from ffprobe, its sidecars from the folder. <paramref name="declaredBitmaps"/>
    /// adds picture subtitle tracks (PGS) to the listing that the small generated file cannot carry.
    /// </summary>
    public async Task<ScriptedJellyfinItem> AddVideoAsync(
        ScriptedJellyfinLibrary library, string videoPath, string type = "Movie", string? name = null,
        IReadOnlyList<string>? declaredBitmaps = null, string? seriesName = null, int? season = null, int? episode = null)
    {
        var probe = await ScriptedJellyfinProbe.ProbeAsync(videoPath);
        var item = new ScriptedJellyfinItem
        {
            Id = IdFor(videoPath),
            LibraryId = library.ItemId,
            Name = name ?? Path.GetFileNameWithoutExtension(videoPath),
            Type = type,
            Path = videoPath,
            RunTimeTicks = probe.Duration.Ticks,
            Container = Path.GetExtension(videoPath).TrimStart('.'),
            SeriesName = seriesName,
            SeasonNumber = season,
            EpisodeNumber = episode,
            DateCreated = Now,
            DateLastSaved = Now,
        };
        item.Embedded.AddRange(probe.Streams.Select(stream => stream with { Language = NormaliseLanguage(stream.Language) ?? stream.Language }));
        foreach (var language in declaredBitmaps ?? [])
        {
            item.Embedded.Add(new ScriptedJellyfinStream { Type = "Subtitle", Codec = "hdmv_pgs_subtitle", Language = NormaliseLanguage(language), IsText = false });
        }

        lock (_gate)
        {
            item.Externals = ScanExternals(item);
            _items.Add(item);
        }

        return item;
    }

    /// <summary>
    /// <paramref name="count"/> cheap items with no file behind them (for paging and the benchmark): a video,
    /// an English audio and an English SubRip track whose text is served from memory.
    /// </summary>
    public IReadOnlyList<ScriptedJellyfinItem> AddSyntheticItems(ScriptedJellyfinLibrary library, int count, string namePrefix = "Synthetic Movie")
    {
        var text = Encoding.UTF8.GetBytes(TestMedia.SampleSrt);
        var created = new List<ScriptedJellyfinItem>(count);
        for (var number = 1; number <= count; number++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{namePrefix} {number:D5}");
            var item = new ScriptedJellyfinItem
            {
                Id = IdFor($"{library.ItemId}/{name}"),
                LibraryId = library.ItemId,
                Name = name,
                Path = Path.Combine(library.Location, name, name + ".mkv"),
                RunTimeTicks = TimeSpan.FromMinutes(90 + (number % 30)).Ticks,
                DateCreated = Now,
                DateLastSaved = Now,
            };
            item.Embedded.Add(new ScriptedJellyfinStream { Type = "Video", Codec = "h264" });
            item.Embedded.Add(new ScriptedJellyfinStream { Type = "Audio", Codec = "aac", Language = "eng", IsDefault = true });
            item.Embedded.Add(new ScriptedJellyfinStream { Type = "Subtitle", Codec = "subrip", Language = "eng", IsText = true, Content = text, ContentFormat = "srt" });
            created.Add(item);
        }

        lock (_gate)
        {
            _items.AddRange(created);
        }

        return created;
    }

    /// <summary>Marks items saved now (as a metadata edit or scan would), so the next incremental sync returns them.</summary>
    public void Touch(IEnumerable<string> itemIds)
    {
        lock (_gate)
        {
            var ids = itemIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var item in _items.Where(item => ids.Contains(item.Id)))
            {
                item.DateLastSaved = Now;
            }
        }
    }

    public ScriptedJellyfinItem? FindItem(string id)
    {
        var wanted = id.Replace("-", "", StringComparison.Ordinal);
        lock (_gate)
        {
            return _items.FirstOrDefault(item => item.Id.Equals(wanted, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Puts a file where a synthetic item's folder would be (a human's sidecar, say); refresh the item to see it.</summary>
    public void WriteVirtualFile(string path, byte[] content)
    {
        lock (_gate)
        {
            _virtualFiles[path] = content;
        }
    }

    /// <summary>Rescans an item's sidecars now, as a completed refresh does.</summary>
    public void RefreshNow(ScriptedJellyfinItem item)
    {
        lock (_gate)
        {
            item.Externals = ScanExternals(item);
            item.DateLastSaved = Now;
        }
    }

    private static string IdFor(string key) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(key)));

    private JsonArray VirtualFolders()
    {
        lock (_gate)
        {
            return [.. _libraries.Select(library => (JsonNode)new JsonObject
            {
                ["Name"] = library.Name,
                ["Locations"] = new JsonArray(Reported(library.Location)),
                ["CollectionType"] = library.CollectionType,
                ["ItemId"] = library.ItemId,
                ["LibraryOptions"] = new JsonObject { ["SaveSubtitlesWithMedia"] = library.SaveSubtitlesWithMedia },
            })];
        }
    }

    // Called under _gate. Sidecars are "<video base>.<anything>.<subtitle extension>" beside the video.
    private List<ScriptedJellyfinStream> ScanExternals(ScriptedJellyfinItem item)
    {
        var folder = Path.GetDirectoryName(item.Path)!;
        var prefix = Path.GetFileNameWithoutExtension(item.Path) + ".";
        var onDisk = Directory.Exists(folder) ? Directory.EnumerateFiles(folder) : [];
        var virtualFiles = _virtualFiles.Keys.Where(path => Path.GetDirectoryName(path) == folder);
        return [.. onDisk.Concat(virtualFiles)
            .Where(path => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)
                && SubtitleExtensions.Contains(Path.GetExtension(path).TrimStart('.')))
            .Order(StringComparer.Ordinal)
            .Select(path => ParseSidecar(path, prefix))];
    }

    // What Jellyfin reads from a sidecar name: a language it knows, forced/sdh flags; other parts make the title.
    private static ScriptedJellyfinStream ParseSidecar(string path, string prefix)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
        var middle = name[prefix.Length..^(extension.Length + 1)];
        string? language = null;
        var forced = false;
        var hearingImpaired = false;
        var isDefault = false;
        var title = new List<string>();
        foreach (var part in middle.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "forced" or "foreign":
                    forced = true;
                    break;
                case "sdh" or "cc" or "hi":
                    hearingImpaired = true;
                    break;
                case "default":
                    isDefault = true;
                    break;
                // The counter of a repeated upload (".0.", ".1.") is not read as anything: it becomes the title (seen: Title "0").
                case var code when language is null && NormaliseLanguage(code) is { } known:
                    language = known;
                    break;
                default:
                    title.Add(part);
                    break;
            }
        }

        return new ScriptedJellyfinStream
        {
            Type = "Subtitle",
            Codec = extension switch { "srt" => "subrip", "vtt" => "webvtt", "sup" => "PGSSUB", "sub" => "dvdsub", _ => extension },
            Language = language,
            Title = title.Count == 0 ? null : string.Join('.', title),
            IsExternal = true,
            Path = path,
            IsForced = forced,
            IsHearingImpaired = hearingImpaired,
            IsDefault = isDefault,
            IsText = extension is not ("sup" or "sub"),
        };
    }

    // Jellyfin keeps three-letter ISO 639-2/T codes: "fre" -> "fra", "en" -> "eng". A regional or script
    // variant of a language it knows ("zh-hant", "pt-br", "es-419") is kept as written, lower-case, with
    // no title (seen on 12.0).
    private static string? NormaliseLanguage(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var dash = code.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            var subtag = code[(dash + 1)..];
            var variant = subtag.Length is >= 2 and <= 4 && subtag.All(char.IsAsciiLetterOrDigit) && NormaliseLanguage(code[..dash]) is not null;
            return variant ? code.ToLowerInvariant() : null;
        }

        if (code.Length is < 2 or > 3 || !code.All(char.IsAsciiLetter))
        {
            return null;
        }

        return LanguageCodes.TryNormalize(code, out var canonical) && !LanguageCodes.IsUndetermined(canonical)
            ? LanguageCodes.ToIso6392T(canonical)
            : null;
    }
}
