using FluxCaption.Core.Libraries.Requests;

namespace FluxCaption.Api.Apis.Background;

/// <param name="Target">The library id, rule id or Jellyfin item id the request is about.</param>
/// <param name="State">pending (waiting, perhaps until <paramref name="NotBefore"/> after a failed attempt), running, or failed (gave up).</param>
/// <param name="LastError">Why the last attempt failed; kept while it waits for a retry and once it gave up.</param>
public sealed record LibraryRequestResponse(
    Guid Id,
    LibraryRequestKind Kind,
    string Target,
    string State,
    DateTimeOffset RequestedAt,
    int Attempts,
    DateTimeOffset? NotBefore,
    string? LastError,
    DateTimeOffset? FinishedAt);

public sealed record LibraryRequestPageResponse(IReadOnlyList<LibraryRequestResponse> Items, int Page, int PageSize, int Total);
