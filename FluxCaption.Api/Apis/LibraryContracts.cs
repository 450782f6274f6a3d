using FluxCaption.Contracts.Libraries;

namespace FluxCaption.Api.Apis;

public sealed record LibrarySyncStatusResponse(
    string? Status, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error, int ItemCount);

/// <param name="ItemCount">Items present now (not gone).</param>
/// <param name="MissingCount">Items lacking at least one language an enabled rule wants for this library.</param>
/// <param name="MissingByLanguage">The same per wanted language (an item lacking two counts under both), in the rules' order.</param>
public sealed record LibraryResponse(
    Guid Id,
    string Source,
    string Name,
    string? Path,
    bool WriteBack,
    bool Enabled,
    LibrarySyncStatusResponse LastSync,
    int ItemCount,
    int MissingCount,
    DateTimeOffset CreatedAt,
    IReadOnlyList<MissingLanguageCount> MissingByLanguage);

/// <param name="Source">Only "local": Jellyfin libraries come from <c>POST /api/libraries/refresh</c>.</param>
public sealed record CreateLibraryRequest(string? Source, string? Name, string? Path, bool WriteBack = false);

/// <summary>Fields left out are kept.</summary>
public sealed record UpdateLibraryRequest(string? Name, bool? WriteBack, bool? Enabled);

/// <param name="Queued">False when a sync of this library was already waiting to run.</param>
public sealed record LibrarySyncAccepted(Guid LibraryId, bool Full, bool Queued);
