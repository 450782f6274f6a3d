using FluxCaption.Core.Libraries.Requests;

namespace FluxCaption.Api.Apis.Background;

/// <summary>The states a user sees for the rows of library_requests, as filters and as labels.</summary>
internal static class LibraryRequestListing
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Failed = "failed";

    public static readonly string[] States = [Pending, Running, Failed];

    public static IQueryable<LibraryRequest> InState(this IQueryable<LibraryRequest> requests, string? state, DateTimeOffset now) => state switch
    {
        Failed => requests.Where(r => r.FinishedAt != null),
        Running => requests.Where(r => r.FinishedAt == null && r.LeaseOwner != null && r.LeaseExpiresAt >= now),
        // A lease that has expired is as good as waiting: the next claim takes it.
        Pending => requests.Where(r => r.FinishedAt == null && (r.LeaseOwner == null || r.LeaseExpiresAt < now)),
        _ => requests,
    };

    public static LibraryRequestResponse ToResponse(this LibraryRequest request, DateTimeOffset now) => new(
        request.Id,
        request.Kind,
        request.Target,
        request.FinishedAt is not null ? Failed
            : request.LeaseOwner is not null && request.LeaseExpiresAt >= now ? Running
            : Pending,
        request.RequestedAt,
        request.Attempts,
        request.NotBefore,
        request.LastError,
        request.FinishedAt);
}
