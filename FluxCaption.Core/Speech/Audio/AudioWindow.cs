namespace FluxCaption.Core.Speech.Audio;

/// <summary>
/// One stretch of the extracted audio, in WAV time (add <see cref="ExtractedAudio.StartOffset"/> for media time).
/// <see cref="Index"/> is the checkpoint key: the same audio and options always give the same windows.
/// </summary>
/// <param name="IsSilent">The whole window is detected silence: skip it, it would only invite invented text.</param>
public sealed record AudioWindow(int Index, TimeSpan Start, TimeSpan End, bool IsSilent = false)
{
    public TimeSpan Duration => End - Start;
}
