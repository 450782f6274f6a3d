using FluxCaption.Core.Libraries.Requests;

namespace FluxCaption.Api.Apis.Background;

/// <summary>What the 202 endpoints call: the request is written to library_requests, then this process's runner is woken.</summary>
public sealed class LibraryRequestQueue(LibraryRequestStore store, LibraryRequestSignal signal)
{
    /// <summary>False when the same request was already waiting (it will run once, for both callers).</summary>
    public async Task<bool> EnqueueAsync(LibraryRequestKind kind, string target, CancellationToken cancellationToken)
    {
        var queued = await store.EnqueueAsync(kind, target, cancellationToken);
        if (queued)
        {
            signal.Wake();
        }

        return queued;
    }
}
