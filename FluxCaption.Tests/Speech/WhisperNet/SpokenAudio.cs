using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Speech.WhisperNet;

/// <summary>Speech made by the machine's espeak-ng, resampled by ffmpeg to the 16 kHz mono 16-bit WAV a window is.</summary>
internal static class SpokenAudio
{
    public static async Task<string> CreateAsync(string folder, string text, string voice = "en", int sampleRate = 16000)
    {
        Directory.CreateDirectory(folder);
        var raw = Path.Combine(folder, $"espeak-{Guid.NewGuid():N}.wav");
        var wav = Path.Combine(folder, $"speech-{Guid.NewGuid():N}.wav");
        await ChildProcess.RunAsync("espeak-ng", ["-v", voice, "-w", raw, text]);
        await ChildProcess.RunAsync("ffmpeg", ["-loglevel", "error", "-y", "-i", raw, "-ar", sampleRate.ToString(), "-ac", "1", "-c:a", "pcm_s16le", wav]);
        File.Delete(raw);
        return wav;
    }

    /// <summary>Duration from the WAV header: data bytes over the byte rate (16-bit mono).</summary>
    public static TimeSpan Duration(string wav, int sampleRate = 16000)
    {
        // ffmpeg writes a 44-byte canonical header for plain PCM, or a LIST chunk before data; find "data".
        var bytes = File.ReadAllBytes(wav);
        for (var i = 12; i + 8 <= bytes.Length;)
        {
            var size = BitConverter.ToInt32(bytes, i + 4);
            if (bytes[i] == 'd' && bytes[i + 1] == 'a' && bytes[i + 2] == 't' && bytes[i + 3] == 'a')
            {
                return TimeSpan.FromSeconds(size / 2.0 / sampleRate);
            }

            i += 8 + size + (size % 2);
        }

        throw new InvalidDataException($"{wav} has no data chunk.");
    }
}
