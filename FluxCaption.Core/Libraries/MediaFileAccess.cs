namespace FluxCaption.Core.Libraries;

/// <summary>
/// A media file a worker reads to make a source (speech recognition, OCR): the library's own file
/// where the worker can read it, or a temporary copy fetched from the media server, deleted when this
/// is disposed.
/// </summary>
public sealed class MediaFileAccess : IAsyncDisposable
{
    private MediaFileAccess(string path, bool isTemporaryCopy)
    {
        Path = path;
        IsTemporaryCopy = isTemporaryCopy;
    }

    public string Path { get; }

    /// <summary>True for a copy made for this job; it is deleted on dispose.</summary>
    public bool IsTemporaryCopy { get; }

    /// <summary>The library's own file, read in place.</summary>
    public static MediaFileAccess InPlace(string path) => new(path, isTemporaryCopy: false);

    /// <summary>A copy in FluxCaption's temp folder that belongs to the caller.</summary>
    public static MediaFileAccess TemporaryCopy(string path) => new(path, isTemporaryCopy: true);

    public ValueTask DisposeAsync()
    {
        if (IsTemporaryCopy)
        {
            try
            {
                File.Delete(Path);
            }
            catch (IOException)
            {
                // The temp cleanup job removes what is left.
            }
        }

        return ValueTask.CompletedTask;
    }
}
