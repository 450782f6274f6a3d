using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.Speech.Http;

/// <summary>
/// Real speech for the HTTP engine tests: espeak-ng says a sentence, ffmpeg turns it into the 16 kHz
/// mono 16-bit WAV the pipeline hands the engines. Each test gets its own folder and deletes it.
/// </summary>
internal sealed class SpokenWindow : IAsyncDisposable
{
    public const string Sentence = "Hello there. How are you today? The train leaves at nine.";

    private readonly DirectoryInfo _folder;

    private SpokenWindow(DirectoryInfo folder, string path, byte[] bytes)
    {
        _folder = folder;
        Path = path;
        Bytes = bytes;
    }

    public string Path { get; }

    public byte[] Bytes { get; }

    /// <summary>Seconds of audio: the samples after the 44-byte header ffmpeg writes, at 32000 bytes a second.</summary>
    public double Seconds => (Bytes.Length - 44) / 32_000.0;

    /// <summary>Speaks <see cref="Sentence"/> into a WAV; <paramref name="ffmpegFormat"/> overrides the 16 kHz mono output (e.g. "-ar 44100 -ac 2").</summary>
    public static async Task<SpokenWindow> CreateAsync(string ffmpegFormat = "-ar 16000 -ac 1")
    {
        var folder = Directory.CreateTempSubdirectory("fluxcaption-speech-");
        var spoken = System.IO.Path.Combine(folder.FullName, "espeak.wav");
        var window = System.IO.Path.Combine(folder.FullName, "window-0001.wav");
        await ChildProcess.RunAsync("espeak-ng", ["-v", "en", "-w", spoken, Sentence]);
        await ChildProcess.RunAsync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-i", spoken, .. ffmpegFormat.Split(' '), "-c:a", "pcm_s16le", "-bitexact", window]);
        return new SpokenWindow(folder, window, await File.ReadAllBytesAsync(window));
    }

    public ValueTask DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
