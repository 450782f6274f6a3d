using FluxCaption.Core.Libraries;

namespace FluxCaption.Core.Speech.Audio;

/// <summary>Decodes one audio track of a media file, once, to the WAV every speech engine reads.</summary>
public interface IAudioExtractor
{
    /// <summary>
    /// Writes <paramref name="audioTrack"/> (by its ffprobe index; null means the first audio stream) to
    /// <paramref name="wavPath"/> as 16 kHz mono 16-bit PCM WAV. Cancelling kills ffmpeg. Throws
    /// <see cref="Media.MediaToolException"/> for a missing file or tool, a file without audio, a timeout or a decoding failure.
    /// </summary>
    Task<ExtractedAudio> ExtractAsync(string mediaPath, MediaTrack? audioTrack, string wavPath, CancellationToken cancellationToken);
}

/// <param name="StartOffset">Where the WAV's first sample plays in the media (the stream's start time after the file's):
/// add it to WAV times so cues line up with the video.</param>
/// <param name="Duration">Length of the WAV.</param>
/// <param name="StreamIndex">The ffprobe index of the stream decoded.</param>
public sealed record ExtractedAudio(string WavPath, TimeSpan StartOffset, TimeSpan Duration, int StreamIndex);
