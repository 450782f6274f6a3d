using System.Globalization;

namespace FluxCaption.Core.Ocr;

/// <summary>
/// The tesseract command line. Many captions go to one process through a list file (one image path a line);
/// Tesseract then prints each page's text followed by a form feed, so loading the model is paid once per batch.
/// </summary>
internal sealed class TesseractEngine(OcrOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlySet<string>? _languages;

    private string Missing => $"Tesseract could not be started from '{options.TesseractPath}' (Ocr:TesseractPath). "
        + "Install the tesseract-ocr package (Debian/Ubuntu: apt-get install tesseract-ocr) or point Ocr:TesseractPath at the tesseract executable.";

    /// <summary>The trained data Tesseract finds (eng, osd, ...), asked once per process lifetime.</summary>
    public async Task<IReadOnlySet<string>> InstalledLanguagesAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_languages is null)
            {
                var result = await OcrProcess.RunAsync(options.TesseractPath, [.. DataArguments(), "--list-langs"],
                    options.Timeout, "Ocr:Timeout", Missing, cancellationToken);
                if (result.ExitCode != 0)
                {
                    throw new OcrException(OcrErrorCodes.ToolMissing,
                        $"tesseract --list-langs failed with exit code {result.ExitCode}: {Last(result.StandardError)}");
                }

                // The first line is "List of available languages in ...:".
                _languages = result.StandardOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Skip(1).ToHashSet(StringComparer.Ordinal);
            }

            return _languages;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The text of each image, in order (lines separated by '\n', trimmed; empty when nothing was read).</summary>
    public async Task<IReadOnlyList<string>> ReadAsync(IReadOnlyList<string> imagePaths, string language, string workFolder, CancellationToken cancellationToken)
    {
        var list = Path.Combine(workFolder, $"pages-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(list, imagePaths, cancellationToken);
        try
        {
            var psm = options.PageSegmentationMode.ToString(CultureInfo.InvariantCulture);
            var result = await OcrProcess.RunAsync(options.TesseractPath, [list, "stdout", .. DataArguments(), "-l", language, "--psm", psm],
                options.Timeout, "Ocr:Timeout", Missing, cancellationToken, Threads);
            if (result.ExitCode != 0)
            {
                throw new OcrException(OcrErrorCodes.Failed, $"Tesseract failed with exit code {result.ExitCode}: {Last(result.StandardError)}");
            }

            var pages = result.StandardOutput.Split('\f').ToList();
            // Tesseract puts the form feed after every page but the last; a trailing one would leave an empty extra page.
            if (pages.Count == imagePaths.Count + 1 && string.IsNullOrWhiteSpace(pages[^1]))
            {
                pages.RemoveAt(pages.Count - 1);
            }

            if (pages.Count != imagePaths.Count)
            {
                throw new OcrException(OcrErrorCodes.Failed,
                    $"Tesseract returned {pages.Count} pages for {imagePaths.Count} caption images: {Last(result.StandardError)}");
            }

            return pages.Select(Clean).ToList();
        }
        finally
        {
            File.Delete(list);
        }
    }

    // Tesseract's OpenMP threads spin while they wait; on small caption images they cost several times the CPU
    // they save, and far more wall time on a busy machine (see docs/BENCHMARKS.md).
    private Dictionary<string, string> Threads => new()
    {
        ["OMP_THREAD_LIMIT"] = options.TesseractThreads.ToString(CultureInfo.InvariantCulture),
    };

    private IEnumerable<string> DataArguments() =>
        string.IsNullOrWhiteSpace(options.TessdataDirectory) ? [] : ["--tessdata-dir", options.TessdataDirectory];

    private static string Clean(string page) =>
        string.Join('\n', page.Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(line => line.Trim()).Where(line => line.Length > 0));

    private static string Last(string standardError) =>
        string.Join(" | ", standardError.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).TakeLast(3));
}
