using System.Diagnostics;
using System.Globalization;
using FluxCaption.Benchmarks.Speech;
using FluxCaption.Core.Speech;
using FluxCaption.Core.Speech.WhisperNet;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace beside the other commands, so Program.cs dispatches to it without a using.
namespace FluxCaption.Benchmarks;

/// <summary>
/// The `speech` command: a long recording of espeak-ng speech, cut into 30 s windows, transcribed window
/// after window by the Whisper.net engine with generated models of whisper tiny and base dimensions.
/// Reports load time, real-time factor (wall time over audio time), the process CPU time and the peak
/// working set sampled while each model ran. Run one model per process for a clean peak.
/// </summary>
public static class SpeechBenchmark
{
    private const string Script =
        "Good evening. The train to the coast leaves at seven, and the last one back is at midnight. "
        + "We should bring water, a map and something warm, because the wind on the cliffs is cold after dark. "
        + "If the weather turns, we can wait in the small cafe by the harbour and take the bus instead.";

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = new ConfigurationBuilder().AddCommandLine(args).Build();
        var minutes = settings.GetValue("Minutes", 10);
        var threads = settings.GetValue("Threads", Environment.ProcessorCount);
        var models = (settings["Models"] ?? "tiny,base").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (minutes is < 1 or > 240 || threads is < 1 or > 256 || models.Any(m => m is not ("tiny" or "base")))
        {
            Console.Error.WriteLine("Usage: FluxCaption.Benchmarks speech [--Minutes 10] [--Models tiny,base] [--Threads n]");
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("fluxcaption-speech-bench-");
        try
        {
            var windows = await PrepareAudioAsync(work.FullName, minutes);
            Console.WriteLine($"{windows.Count} windows of up to 30 s, {minutes} min of espeak-ng speech, {threads} threads");
            var rows = new List<string>();
            foreach (var name in models)
            {
                var dimensions = name == "tiny" ? GgmlWhisperDimensions.Tiny : GgmlWhisperDimensions.Base;
                var modelPath = Path.Combine(work.FullName, $"ggml-generated-{name}.bin");
                var modelBytes = GgmlWhisperModelWriter.Write(modelPath, dimensions);
                rows.Add(await MeasureAsync(name, modelPath, modelBytes, windows, minutes, threads, work.FullName));
            }

            Console.WriteLine();
            Console.WriteLine("| model (generated) | file | load | transcription | audio | real-time factor | CPU time (per audio second) | per window | segments | working set before load | peak working set |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
            rows.ForEach(Console.WriteLine);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<string> MeasureAsync(
        string name, string modelPath, long modelBytes, IReadOnlyList<string> windows, int minutes, int threads, string folder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{WhisperNetOptions.SectionName}:Model"] = modelPath,
            [$"{WhisperNetOptions.SectionName}:ModelsFolder"] = folder,
            [$"{WhisperNetOptions.SectionName}:Threads"] = threads.ToString(CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddWhisperNetSpeech();
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetServices<ISpeechRecognitionEngine>().Single(e => e.Name == SpeechEngineNames.WhisperNet);
        var cache = provider.GetRequiredService<WhisperModelCache>();

        // Writing the model left large arrays behind; without a full collection they would count as model memory.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var baseline = Environment.WorkingSet;
        using var sampler = new PeakWorkingSet();
        var load = Stopwatch.StartNew();
        (await cache.AcquireAsync(modelPath, CancellationToken.None)).Dispose();
        load.Stop();

        var segments = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var transcribe = Stopwatch.StartNew();
        foreach (var (window, index) in windows.Select((w, i) => (w, i)))
        {
            var started = transcribe.Elapsed;
            var transcript = await engine.TranscribeAsync(new TranscriptionRequest(window, "en"), CancellationToken.None);
            segments += transcript.Segments.Count;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: window {index + 1}/{windows.Count} in {(transcribe.Elapsed - started).TotalSeconds:F2} s, {transcript.Segments.Count} segments"));
        }

        transcribe.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var audio = TimeSpan.FromMinutes(minutes);
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {modelBytes / 1048576.0:F0} MiB | {load.Elapsed.TotalSeconds:F2} s | {transcribe.Elapsed.TotalSeconds:F1} s | {audio.TotalSeconds:F0} s "
            + $"| {transcribe.Elapsed / audio:F3} | {cpu.TotalSeconds:F0} s ({cpu / audio:F3}) | {transcribe.Elapsed.TotalSeconds / windows.Count:F2} s | {segments} | {baseline / 1048576.0:F0} MiB | {sampler.Peak / 1048576.0:F0} MiB |");
        Console.WriteLine(row);
        return row;
    }

    /// <summary>espeak-ng reads the script once; ffmpeg loops it to the length asked and cuts 30 s windows of 16 kHz mono.</summary>
    private static async Task<IReadOnlyList<string>> PrepareAudioAsync(string folder, int minutes)
    {
        var spoken = Path.Combine(folder, "spoken.wav");
        var longer = Path.Combine(folder, "long.wav");
        await RunAsync("espeak-ng", ["-v", "en", "-s", "160", "-w", spoken, Script]);
        await RunAsync("ffmpeg", ["-loglevel", "error", "-y", "-stream_loop", "-1", "-i", spoken, "-t", (minutes * 60).ToString(CultureInfo.InvariantCulture),
            "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", longer]);
        await RunAsync("ffmpeg", ["-loglevel", "error", "-y", "-i", longer, "-f", "segment", "-segment_time", "30", "-c:a", "pcm_s16le",
            Path.Combine(folder, "window-%03d.wav")]);
        return [.. Directory.GetFiles(folder, "window-*.wav").Order(StringComparer.Ordinal)];
    }

    private static async Task RunAsync(string fileName, string[] arguments)
    {
        var info = new ProcessStartInfo(fileName, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} exited with {process.ExitCode}: {await errors}");
        }
    }

    /// <summary>Samples the process working set every 50 ms; whisper.cpp's buffers are native, so the managed heap would miss them.</summary>
    private sealed class PeakWorkingSet : IDisposable
    {
        private readonly Timer _timer;
        private long _peak = Environment.WorkingSet;

        public PeakWorkingSet() => _timer = new Timer(_ => Sample(), null, 0, 50);

        public long Peak
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peak);
            }
        }

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            var now = Environment.WorkingSet;
            long seen;
            while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
            {
            }
        }
    }
}
