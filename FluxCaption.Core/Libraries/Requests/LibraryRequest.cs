namespace FluxCaption.Core.Libraries.Requests;

/// <summary>
/// A "sync now", "run rule now" or webhook item the Api accepted with a 202, kept until it has run.
/// A row is waiting (no lease), running (a live lease), back to waiting after a failure (not before
/// <see cref="NotBefore"/>), or failed for good (<see cref="FinishedAt"/> set). A request that ran
/// is deleted.
/// </summary>
public sealed class LibraryRequest
{
    public Guid Id { get; set; }

    public LibraryRequestKind Kind { get; set; }

    /// <summary>The library id, rule id or Jellyfin item id the request is about.</summary>
    public required string Target { get; set; }

    /// <summary>Equal for the same request (kind and target): only one of them waits at a time.</summary>
    public required string DedupeKey { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>Claims so far, the current one included.</summary>
    public int Attempts { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset? NotBefore { get; set; }

    public string? LastError { get; set; }

    /// <summary>Set only when the request gave up after its last attempt; null while it may still run.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    public static string DedupeKeyFor(LibraryRequestKind kind, string target) => $"{kind}:{target}";
}
