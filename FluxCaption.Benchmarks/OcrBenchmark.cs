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

        var texts = Texts(count, seed);
        var timed = texts.Select((text, i) => (TimeSpan.FromSeconds(i * 2.5), TimeSpan.FromSeconds((i * 2.5) + 2), text)).ToList();
        var sup = PgsWriter.Write(timed);
        Console.WriteLine(Invariant($"{count} captions of one or two lines (DejaVu Sans 44 px on a 1920x1080 frame), {sup.Length / 1024.0:0} KiB of PGS"));

        var decode = Stopwatch.StartNew();
        var captions = PgsDecoder.Decode(sup);
        decode.Stop();

        var temp = Directory.CreateTempSubdirectory("fluxcaption-ocr-bench-");
        try
        {
            Console.WriteLine();
            Console.WriteLine("| captions per Tesseract run | captions | decode (ms/caption) | clean-up (ms/caption) | Tesseract (ms/caption) | total (ms/caption) | captions/s | decode / clean-up / Tesseract share | words read right |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|---:|");
            foreach (var perRun in batches)
            {
                var options = new OcrOptions { CaptionsPerRun = perRun };
                var cleanup = Stopwatch.StartNew();
                foreach (var caption in captions)
                {
                    CaptionImagePreparer.Prepare(caption, options);
                }

                cleanup.Stop();
                var reader = new BitmapSubtitleReader(Options.Create(options), Options.Create(new MediaOptions { TempDirectory = temp.FullName }),
                    NullLogger<BitmapSubtitleReader>.Instance);
                await reader.ChooseLanguageAsync("en", [], CancellationToken.None);
                var ocr = Stopwatch.StartNew();
                var transcript = await reader.ReadCaptionsAsync(captions, "eng", [], null, CancellationToken.None);
                ocr.Stop();

                // ReadCaptionsAsync cleans every picture too; its Tesseract part is what remains.
                var tesseract = ocr.Elapsed - cleanup.Elapsed;
                var total = decode.Elapsed + ocr.Elapsed;
                var accuracy = WordAccuracy(texts, transcript);
                Console.WriteLine(Invariant(
                    $"| {perRun} | {captions.Count} | {PerCaption(decode.Elapsed, count):0.00} | {PerCaption(cleanup.Elapsed, count):0.0} | {PerCaption(tesseract, count):0.0} | {PerCaption(total, count):0.0} | {count / total.TotalSeconds:0.0} | {Share(decode.Elapsed, total)} / {Share(cleanup.Elapsed, total)} / {Share(tesseract, total)} | {accuracy:0.0%} |"));
            }
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

    private static double PerCaption(TimeSpan time, int count) => time.TotalMilliseconds / count;

    private static string Share(TimeSpan part, TimeSpan total) => Invariant($"{part / total:0%}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
