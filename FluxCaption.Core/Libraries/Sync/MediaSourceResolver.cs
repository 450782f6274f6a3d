namespace FluxCaption.Core.Libraries.Sync;

/// <summary>Finds the registered <see cref="IMediaLibrarySource"/> for a library's source kind.</summary>
public sealed class MediaSourceResolver(IEnumerable<IMediaLibrarySource> sources)
{
    private readonly IReadOnlyList<IMediaLibrarySource> _sources = [.. sources];

    public IReadOnlyList<IMediaLibrarySource> All => _sources;

    // The last registration of a kind wins, as everywhere in dependency injection, so a host (or a
    // test) can put its own source in front of the default one.
    public IMediaLibrarySource For(MediaSourceKind kind) =>
        _sources.LastOrDefault(source => source.Kind == kind)
        ?? throw new MediaSourceException("source_not_configured", $"No {kind.ToString().ToLowerInvariant()} media source is available in this process.");
}
