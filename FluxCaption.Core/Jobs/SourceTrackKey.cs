using System.Globalization;
using FluxCaption.Core.Libraries;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// The identity of a track a transcript is made from. Indexes alone are not identities (Jellyfin
/// renumbers them), so the key names the kind, index, codec, language and title together: a changed
/// file gets a new transcript rather than reusing one made from another track.
/// </summary>
public static class SourceTrackKey
{
    public static string For(MediaTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        var key = string.Join('|',
            track.Kind.ToString().ToLowerInvariant(),
            track.Index?.ToString(CultureInfo.InvariantCulture) ?? "-",
            track.Codec ?? "-",
            track.Language,
            track.IsExternal ? track.Path ?? "-" : "",
            track.Title ?? "");
        return key.Length <= 500 ? key : key[..500];
    }

    /// <summary>The track in words for the user: "en audio track 1", "bitmap subtitle track 3".</summary>
    public static string Describe(MediaTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        var kind = track.Kind == MediaTrackKind.Audio ? "audio track" : track.IsText ? "subtitle track" : "bitmap subtitle track";
        var language = Languages.LanguageCodes.IsUndetermined(track.Language) ? "" : $"{track.Language} ";
        return track.Index is { } index ? $"{language}{kind} {index}" : $"{language}{kind}";
    }

    /// <summary>Whether <paramref name="fresh"/> is the same track as <paramref name="chosen"/> (same key).</summary>
    public static bool Same(MediaTrack chosen, MediaTrack fresh) => For(chosen) == For(fresh);
}
