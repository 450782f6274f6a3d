namespace FluxCaption.Core.Libraries;

/// <summary>The stream types the inventory keeps; video streams carry nothing we need.</summary>
public enum MediaTrackKind
{
    Audio,
    Subtitle,
}
