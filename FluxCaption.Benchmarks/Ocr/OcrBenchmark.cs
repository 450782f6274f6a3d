using System.Diagnostics;
using System.Globalization;
using FluxCaption.Core.Media;
using FluxCaption.Core.Ocr;
using FluxCaption.Core.Ocr.Pgs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FluxCaption.Benchmarks;

/// <summary>
/// The `ocr` command: N generated captions written as a PGS stream, decoded, cleaned and read by the machine's
/// Tesseract, once per batch size (captions per Tesseract process), with time per caption and each part's share.
/// <c>ocr [--Captions 200] [--CaptionsPerRun 1,100] [--TesseractThreads 1] [--Seed 2026]</c>
/// </summary>
public static class OcrBenchmark
{
    private static readonly string[] Words =
    [
        "the", "night", "river", "station", "never", "listen", "window", "morning", "brother", "quiet", "before", "dinner",
        "we", "should", "leave", "tomorrow", "where", "is", "your", "father", "nobody", "knows", "about", "letter",
        "please", "open", "door", "garden", "winter", "summer", "captain", "doctor", "remember", "promise", "careful", "road",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = new ConfigurationBuilder().AddCommandLine(args).Build();
        var count = settings.GetValue("Captions", 200);
        var batches = (settings["CaptionsPerRun"] ?? "1,100").Split(',').Select(value => int.Parse(value, CultureInfo.InvariantCulture)).ToList();
        var seed = settings.GetValue("Seed", 2026);
        var threads = settings.GetValue("TesseractThreads", 1);

        var texts = Texts(count, seed);
        var timed = texts.Select((text, i) => (TimeSpan.FromSeconds(i * 2.5), TimeSpan.FromSeconds((i * 2.5) + 2), text)).ToList();
        var sup = PgsWriter.Write(timed);
        Console.WriteLine(Invariant($"{count} captions of one or two lines (DejaVu Sans 44 px on a 1920x1080 frame), {sup.Length / 1024.0:0} KiB of PGS, Tesseract with {threads} OpenMP thread(s)"));

        var decodeCpu = OwnCpu();
        var decode = Stopwatch.StartNew();
        var captions = PgsDecoder.Decode(sup);
        decode.Stop();
        decodeCpu = OwnCpu() - decodeCpu;
        Console.WriteLine($"load average before: {LoadAverage()}");

        var temp = Directory.CreateTempSubdirectory("fluxcaption-ocr-bench-");
        try
        {
            Console.WriteLine();
            Console.WriteLine("| captions per Tesseract run | captions | decode (ms/caption) | clean-up (ms/caption) | Tesseract (ms/caption) | total (ms/caption) | captions/s | decode / clean-up / Tesseract share | CPU ms/caption: decode / clean-up / Tesseract | words read right |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|---|---:|");
            foreach (var perRun in batches)
            {
                var options = new OcrOptions { CaptionsPerRun = perRun, TesseractThreads = threads };
                var cleanupCpu = OwnCpu();
                var cleanup = Stopwatch.StartNew();
                foreach (var caption in captions)
                {
                    CaptionImagePreparer.Prepare(caption, options);
                }

                cleanup.Stop();
                cleanupCpu = OwnCpu() - cleanupCpu;
                var reader = new BitmapSubtitleReader(Options.Create(options), Options.Create(new MediaOptions { TempDirectory = temp.FullName }),
                    NullLogger<BitmapSubtitleReader>.Instance);
                await reader.ChooseLanguageAsync("en", [], CancellationToken.None);
                var childCpu = ChildrenCpu();
                var ocr = Stopwatch.StartNew();
                var transcript = await reader.ReadCaptionsAsync(captions, "eng", [], null, CancellationToken.None);
                ocr.Stop();
                var tesseractCpu = ChildrenCpu() - childCpu;

                // ReadCaptionsAsync cleans every picture too; its Tesseract part is what remains.
                var tesseract = ocr.Elapsed - cleanup.Elapsed;
                var total = decode.Elapsed + ocr.Elapsed;
                var accuracy = WordAccuracy(texts, transcript);
                Console.WriteLine(Invariant(
                    $"| {perRun} | {captions.Count} | {PerCaption(decode.Elapsed, count):0.00} | {PerCaption(cleanup.Elapsed, count):0.0} | {PerCaption(tesseract, count):0.0} | {PerCaption(total, count):0.0} | {count / total.TotalSeconds:0.0} | {Share(decode.Elapsed, total)} / {Share(cleanup.Elapsed, total)} / {Share(tesseract, total)} | {PerCaption(decodeCpu, count):0.0} / {PerCaption(cleanupCpu, count):0.0} / {PerCaption(tesseractCpu, count):0.0} | {accuracy:0.0%} |"));
            }

            Console.WriteLine();
            Console.WriteLine($"load average after: {LoadAverage()}");
        }
        finally
        {
            temp.Delete(recursive: true);
        }

        return 0;
    }

    private static List<string> Texts(int count, int seed)
    {
        var random = new Random(seed);
        string Sentence() => string.Join(' ', Enumerable.Range(0, random.Next(3, 7)).Select(_ => Words[random.Next(Words.Length)]));
        return Enumerable.Range(0, count).Select(i => i % 3 == 2 ? Sentence() + "\n" + Sentence() : Sentence()).ToList();
    }

    // Share of the written words found, in order of appearance, in the cue text read for the same caption.
    private static double WordAccuracy(List<string> texts, OcrTranscript transcript)
    {
        var read = transcript.Document.Cues.ToDictionary(cue => (int)Math.Round(cue.Start.TotalSeconds / 2.5), cue => cue.Text);
        var (right, all) = (0, 0);
        for (var i = 0; i < texts.Count; i++)
        {
            var expected = texts[i].Split([' ', '\n']);
            var actual = read.TryGetValue(i, out var text) ? text.Split([' ', '\n']).ToHashSet(StringComparer.Ordinal) : [];
            all += expected.Length;
            right += expected.Count(actual.Contains);
        }

        return (double)right / all;
    }

    private static TimeSpan OwnCpu() => Process.GetCurrentProcess().TotalProcessorTime;

    // Tesseract runs in child processes: their CPU time is the cutime and cstime fields of /proc/self/stat
    // (clock ticks, 100 a second on Linux), counted once a child has exited and been waited for.
    private static TimeSpan ChildrenCpu()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    private static double PerCaption(TimeSpan time, int count) => time.TotalMilliseconds / count;

    private static string Share(TimeSpan part, TimeSpan total) => Invariant($"{part / total:0%}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
