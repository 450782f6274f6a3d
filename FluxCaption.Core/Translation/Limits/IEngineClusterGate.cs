namespace FluxCaption.Core.Translation.Limits;

/// <summary>
/// An engine's request limits shared by every Worker process: without it each process would allow its
/// own <c>MaxParallelRequests</c>, and two Workers would send an Ollama server twice what it has slots for.
/// </summary>
public interface IEngineClusterGate
{
    /// <summary>
    /// Waits until fewer than <paramref name="maxParallel"/> requests to <paramref name="engine"/> are in
    /// flight across all processes and, when <paramref name="spacing"/> is positive, until the engine's
    /// next start time (one start per <paramref name="spacing"/> cluster-wide). Dispose the result when the
    /// request is over. Null means the shared store is unreachable: the caller keeps its own local limits.
    /// </summary>
    Task<IDisposable?> EnterAsync(string engine, int maxParallel, TimeSpan spacing, CancellationToken cancellationToken);
}
