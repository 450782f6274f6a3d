using FluxCaption.Core.Libraries;

namespace FluxCaption.Api.Apis;

/// <param name="SubtitleLanguages">Languages of the item's subtitle tracks, canonical, without repeats.</param>
/// <param name="MissingLanguages">Languages enabled rules want for the item's library that no track covers.</param>
public sealed record ItemSummaryResponse(
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
    /// <summary>The subtitle tracks with their flags (forced, SDH, text or bitmap, written by FluxCaption).</summary>
    public IReadOnlyList<MediaTrack> SubtitleTracks { get; init; } = [];

    /// <summary>The item's queued, running and paused jobs, so a list shows gaps being filled without a read per row.</summary>
    public IReadOnlyList<JobResponse> ActiveJobs { get; init; } = [];
}

public sealed record ItemPageResponse(IReadOnlyList<ItemSummaryResponse> Items, int Page, int PageSize, int Total);

/// <param name="CoveringTracks">Positions in <see cref="ItemDetailResponse.Tracks"/> of the tracks that cover the language.</param>
public sealed record LanguageCoverageResponse(string Language, bool Covered, IReadOnlyList<int> CoveringTracks);

public sealed record ItemDetailResponse(
    ItemSummaryResponse Item,
    IReadOnlyList<MediaTrack> Tracks,
    IReadOnlyList<LanguageCoverageResponse> Coverage,
    IReadOnlyList<JobResponse> Jobs);

public sealed record TranslateItemsRequest(
    IReadOnlyList<Guid>? ItemIds, IReadOnlyList<string>? TargetLanguages, string? Engine, string? Model, int? Priority);

/// <param name="ActiveJobIds">Jobs that were already queued, running or paused for these items and languages (not duplicated).</param>
public sealed record TranslateItemsResponse(
    int ItemsConsidered, int GapsFound, IReadOnlyList<Guid> CreatedJobIds, IReadOnlyList<Guid> ActiveJobIds);
