namespace FluxCaption.Core.Speech.Audio;

/// <summary>Finds the quiet stretches of a WAV, where windows can be cut without splitting a word.</summary>
public interface ISilenceDetector
{
    /// <summary>
    /// The silences of <paramref name="wavPath"/> in order, in WAV time, using the noise threshold and
    /// minimum duration of "Speech:Audio". Cancelling kills ffmpeg.
    /// </summary>
    Task<IReadOnlyList<SilenceSpan>> DetectAsync(string wavPath, CancellationToken cancellationToken);
}
