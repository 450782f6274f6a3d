namespace FluxCaption.Core.Libraries;

/// <summary>Where a media item comes from.</summary>
public enum MediaSourceKind
{
    Jellyfin,
    Local,
    Upload,
}
