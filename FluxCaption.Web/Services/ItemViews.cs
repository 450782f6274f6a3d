namespace FluxCaption.Web.Services;

/// <summary>One media item in a list, as <c>GET /api/items</c> sends it.</summary>
public sealed record ItemSummaryView(
    Guid Id,
    Guid LibraryId,
    string Source,
    string Title,
    string Kind,
    string? SeriesName,
    int? SeasonNumber,
    int? EpisodeNumber,
    string? Path,
    TimeSpan? Runtime,
    IReadOnlyList<string> SubtitleLanguages,
    IReadOnlyList<string> MissingLanguages,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset? GoneAt)
{
    /// <summary>The subtitle tracks with their flags (forced, SDH, bitmap, ours).</summary>
    public IReadOnlyList<TrackView> SubtitleTracks { get; init; } = [];

    /// <summary>The item's queued, running and paused jobs.</summary>
    public IReadOnlyList<JobView> ActiveJobs { get; init; } = [];

    /// <summary>"Series S01E02 · Title" for an episode, the title otherwise.</summary>
    public string DisplayTitle => SeriesName is null
        ? Title
        : $"{SeriesName} {EpisodeCode} · {Title}".Replace("  ", " ", StringComparison.Ordinal);

    public string EpisodeCode =>
        (SeasonNumber is int season ? $"S{season:00}" : "") + (EpisodeNumber is int episode ? $"E{episode:00}" : "");
}

public sealed record ItemPageView(IReadOnlyList<ItemSummaryView> Items, int Page, int PageSize, int Total);

/// <summary>One audio or subtitle track of an item (the Api's stored inventory).</summary>
public sealed record TrackView(
    string Kind,
    int? Index,
    string Language,
    string? RawLanguage,
    string? Codec,
    string? Title,
    bool IsExternal,
    string? Path,
    bool IsForced,
    bool IsHearingImpaired,
    bool IsDefault,
    bool IsText,
    bool ProducedByFluxCaption);

/// <param name="CoveringTracks">Positions in <see cref="ItemDetailView.Tracks"/> of the tracks that cover the language.</param>
public sealed record LanguageCoverageView(string Language, bool Covered, IReadOnlyList<int> CoveringTracks);

public sealed record ItemDetailView(
    ItemSummaryView Item,
    IReadOnlyList<TrackView> Tracks,
    IReadOnlyList<LanguageCoverageView> Coverage,
    IReadOnlyList<JobView> Jobs);

/// <summary>The filters of the items page; null or blank means "any".</summary>
public sealed record ItemFilter(Guid? LibraryId = null, string? Missing = null, string? Query = null, bool? HasJob = null);

public sealed record TranslateItemsInput(
    IReadOnlyList<Guid> ItemIds, IReadOnlyList<string> TargetLanguages, string? Engine = null, string? Model = null, int? Priority = null);

/// <param name="ActiveJobIds">Jobs that were already queued, running or paused for these items and languages.</param>
public sealed record TranslateItemsResultView(int ItemsConsidered, int GapsFound, IReadOnlyList<Guid> CreatedJobIds, IReadOnlyList<Guid> ActiveJobIds)
{
    /// <summary>Languages asked for that already had a subtitle (items × languages − gaps).</summary>
    public int AlreadyCovered(int languages) => Math.Max(0, (ItemsConsidered * languages) - GapsFound);
}

/// <summary>A library as the pickers on the items and rules pages need it.</summary>
public sealed record LibraryChoice(Guid Id, string Name, string Source, bool Enabled);
