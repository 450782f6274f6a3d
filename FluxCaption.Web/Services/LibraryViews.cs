using FluxCaption.Contracts.Libraries;

namespace FluxCaption.Web.Services;

/// <summary>A library as the Api lists it (Jellyfin or a local folder).</summary>
public sealed record LibraryView(
    Guid Id,
    string Source,
    string Name,
    string? Path,
    bool WriteBack,
    bool Enabled,
    LibrarySyncView LastSync,
    int ItemCount,
    int MissingCount,
    DateTimeOffset CreatedAt,
    IReadOnlyList<MissingLanguageCount>? MissingByLanguage = null)
{
    public bool IsLocal => Source == "local";

    public bool IsSyncing => LastSync.Status == "running";
}

/// <summary>What the last sync of a library wrote: status running, succeeded or failed (null before the first sync).</summary>
public sealed record LibrarySyncView(string? Status, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error, int ItemCount);

/// <summary>A local folder to add as a library.</summary>
public sealed record NewLocalLibrary(string Name, string Path, bool WriteBack)
{
    public string Source => "local";
}

/// <summary>A change to a library; null fields are kept as they are.</summary>
public sealed record LibraryChange(string? Name = null, bool? WriteBack = null, bool? Enabled = null);

/// <param name="Queued">False when the same sync was already waiting to run.</param>
public sealed record LibrarySyncRequested(Guid LibraryId, bool Full, bool Queued);

/// <summary>A sync, rule run or webhook item the Api accepted and has not finished (<c>GET /api/libraries/requests</c>).</summary>
public sealed record LibraryRequestView(Guid Id, string Kind, string Target, string State, DateTimeOffset RequestedAt, int Attempts, string? LastError);

public sealed record LibraryRequestPageView(IReadOnlyList<LibraryRequestView> Items, int Page, int PageSize, int Total);
