namespace FluxCaption.Core.Media;

/// <summary>ffprobe or ffmpeg could not do what was asked; the message is for the user, <see cref="Code"/> for code.</summary>
public sealed class MediaToolException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>ffprobe or ffmpeg is not installed (or not where Media:BinaryFolder says).</summary>
    public const string ToolMissing = "media_tool_missing";

    /// <summary>The media file does not exist.</summary>
    public const string FileNotFound = "media_file_not_found";

    /// <summary>The file exists but ffprobe/ffmpeg cannot read it (not media, truncated, no permission).</summary>
    public const string UnreadableFile = "media_unreadable";

    /// <summary>The track is a picture subtitle (PGS, VobSub, DVB): it has no text to extract.</summary>
    public const string BitmapTrack = "subtitle_bitmap";

    /// <summary>The track is not an embedded subtitle stream with an index (audio, sidecar, or no index known).</summary>
    public const string NotExtractable = "subtitle_not_extractable";

    /// <summary>The file has no audio stream (or not the one asked for): nothing to transcribe.</summary>
    public const string NoAudio = "media_no_audio";

    /// <summary>The tool ran longer than Media:ProbeTimeout or Media:ExtractTimeout.</summary>
    public const string TimedOut = "media_tool_timeout";

    public string Code { get; } = code;
}
