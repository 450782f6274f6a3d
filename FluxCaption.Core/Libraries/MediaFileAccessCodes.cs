namespace FluxCaption.Core.Libraries;

/// <summary>Error codes of <see cref="IMediaLibrarySource.OpenMediaFileAsync"/>.</summary>
public static class MediaFileAccessCodes
{
    /// <summary>The file is not readable here and the source cannot serve a copy.</summary>
    public const string NotReadable = "media_not_readable";
}
