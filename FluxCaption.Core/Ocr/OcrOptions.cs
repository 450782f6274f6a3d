using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Ocr;

/// <summary>Tesseract and the caption clean-up before it, bound from the "Ocr" section.</summary>
public sealed class OcrOptions
{
    public const string SectionName = "Ocr";

    /// <summary>The tesseract executable: a name found on PATH or a full path.</summary>
    [Required]
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>Folder of the *.traineddata files; empty means Tesseract's own (Debian: /usr/share/tesseract-ocr/5/tessdata).</summary>
    public string TessdataDirectory { get; set; } = "";

    /// <summary>Longest one Tesseract run (one batch of <see cref="CaptionsPerRun"/> captions) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "06:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Captions read by one Tesseract process; progress is reported after each run.</summary>
    [Range(1, 5000)]
    public int CaptionsPerRun { get; set; } = 100;

    /// <summary>
    /// OpenMP threads one Tesseract process may use (OMP_THREAD_LIMIT). 1 is fastest for caption-sized images:
    /// more threads mostly spin, which on a shared 2-core machine made a batch five times slower.
    /// </summary>
    [Range(1, 64)]
    public int TesseractThreads { get; set; } = 1;

    /// <summary>Tesseract's --psm: 6 (one uniform block of text) suits a caption of one to three lines.</summary>
    [Range(0, 13)]
    public int PageSegmentationMode { get; set; } = 6;

    /// <summary>
    /// A caption whose tallest line of text is less tall than this (pixels) is enlarged before thresholding:
    /// Tesseract misreads small glyphs (DVD captions), while enlarging Blu-ray-sized text only slows it down.
    /// </summary>
    [Range(0, 2000)]
    public int UpscaleBelowHeight { get; set; } = 32;

    /// <summary>How much a small caption is enlarged.</summary>
    [Range(1, 8)]
    public int UpscaleFactor { get; set; } = 2;

    /// <summary>Brightness (0-255, over a black background) from which a pixel counts as text: fills are bright, outlines dark.</summary>
    [Range(1, 254)]
    public int TextThreshold { get; set; } = 128;

    /// <summary>White border kept around the text after cropping, in pixels of the original caption.</summary>
    [Range(0, 200)]
    public int Margin { get; set; } = 12;

    /// <summary>
    /// When Tesseract has no data for the track's language: false (the default) fails with the Debian package
    /// to install; true reads with English instead and says so in the transcript's warnings.
    /// </summary>
    public bool FallbackToEnglish { get; set; }
}
