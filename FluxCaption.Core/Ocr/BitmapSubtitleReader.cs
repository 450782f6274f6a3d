using System.Globalization;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Media;
using FluxCaption.Core.Ocr.Pgs;
using FluxCaption.Core.Ocr.VobSub;
using FluxCaption.Core.Subtitles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Ocr;

/// <summary>
/// Reads PGS and VobSub subtitles (embedded tracks, .sup files, .idx/.sub pairs, as tracks or paths): decodes the captions, cleans
/// each picture, reads them with Tesseract in batches and returns an SRT document with one cue per caption that
/// held text. Work files live in Media:TempDirectory/ocr and are deleted when the read ends.
/// </summary>
public sealed class BitmapSubtitleReader(IOptions<OcrOptions> options, IOptions<MediaOptions> media, ILogger<BitmapSubtitleReader> logger)
    : IBitmapSubtitleReader
{
    // Captions with the same text this close together are one caption redrawn (a palette fade, a repeated
    // acquisition point), not two lines of dialogue.
    private static readonly TimeSpan RedrawGap = TimeSpan.FromMilliseconds(100);

    private readonly TesseractEngine _tesseract = new(options.Value);

    public async Task<OcrTranscript> ReadTrackAsync(
        string mediaPath, MediaTrack track, string? language, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaPath);
        ArgumentNullException.ThrowIfNull(track);
        if (track.Kind != MediaTrackKind.Subtitle || (track.IsExternal ? track.Path is null : track.Index is null)
            || track.Codec is not (BitmapTrackExtractor.PgsCodec or BitmapTrackExtractor.VobSubCodec))
        {
            throw new OcrException(OcrErrorCodes.BadTrack,
                $"Stream {track.Index?.ToString(CultureInfo.InvariantCulture) ?? track.Path ?? "?"} ('{track.Codec}') cannot be read by OCR: "
                + "only PGS (hdmv_pgs_subtitle, .sup) and VobSub (dvd_subtitle, .idx/.sub) tracks can.");
        }

        // A sidecar (Film.en.sup, Film.idx beside the video) is read directly; the track's language, when
        // known, wins over the .idx's "id:" line as it does for embedded tracks.
        if (track.IsExternal)
        {
            var sidecarLanguage = language ?? (Languages.LanguageCodes.IsUndetermined(track.Language) ? null : track.Language);
            return track.Codec == BitmapTrackExtractor.PgsCodec
                ? await ReadSupAsync(track.Path!, sidecarLanguage, progress, cancellationToken)
                : await ReadVobSubAsync(track.Path!, sidecarLanguage, null, progress, cancellationToken);
        }

        if (!File.Exists(mediaPath))
        {
            throw new OcrException(OcrErrorCodes.BadTrack, $"The media file '{mediaPath}' does not exist.");
        }

        var warnings = new List<string>();
        // The language is checked before ffmpeg reads the whole container: a missing pack should fail fast.
        var tesseractLanguage = await ChooseLanguageAsync(language ?? track.Language, warnings, cancellationToken);
        using var work = new WorkFolder(media.Value, logger);
        var captions = await new BitmapTrackExtractor(media.Value).ExtractAsync(mediaPath, track, work.Path, cancellationToken);
        return await ReadAsync(captions, tesseractLanguage, warnings, work.Path, progress, cancellationToken);
    }

    /// <summary>Reads a PGS .sup file.</summary>
    public async Task<OcrTranscript> ReadSupAsync(string supPath, string? language, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var tesseractLanguage = await ChooseLanguageAsync(language, warnings, cancellationToken);
        var captions = PgsDecoder.Read(await ReadFileAsync(supPath, cancellationToken));
        return await ReadCaptionsAsync(captions, tesseractLanguage, warnings, progress, cancellationToken);
    }

    /// <summary>
    /// Reads a VobSub pair from its .idx path (the .sub beside it). <paramref name="streamIndex"/> picks one of the
    /// index's streams (the first when null); <paramref name="language"/> defaults to that stream's "id:".
    /// </summary>
    public async Task<OcrTranscript> ReadVobSubAsync(
        string idxPath, string? language, int? streamIndex, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var index = VobSubIndex.Parse(await File.ReadAllTextAsync(Existing(idxPath), cancellationToken));
        var stream = streamIndex is null ? index.Streams.FirstOrDefault() : index.Streams.FirstOrDefault(s => s.Index == streamIndex);
        if (stream is null)
        {
            throw new OcrException(OcrErrorCodes.BadTrack, streamIndex is null
                ? $"'{idxPath}' lists no subtitle stream (no 'id:' line)."
                : $"'{idxPath}' has no stream with index {streamIndex}.");
        }

        var warnings = new List<string>();
        var tesseractLanguage = await ChooseLanguageAsync(language ?? stream.Language, warnings, cancellationToken);
        var sub = await ReadFileAsync(Path.ChangeExtension(idxPath, ".sub"), cancellationToken);
        return await ReadCaptionsAsync(VobSubDecoder.Read(sub, index, stream.Index), tesseractLanguage, warnings, progress, cancellationToken);
    }

    /// <summary>OCR of captions already decoded, in the Tesseract language <paramref name="tesseractLanguage"/> (eng, chi_sim...).</summary>
    public async Task<OcrTranscript> ReadCaptionsAsync(
        IEnumerable<BitmapCaption> captions, string tesseractLanguage, IReadOnlyList<string> warnings,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        using var work = new WorkFolder(media.Value, logger);
        return await ReadAsync(captions, tesseractLanguage, [.. warnings], work.Path, progress, cancellationToken);
    }

    /// <summary>
    /// The Tesseract language for <paramref name="language"/> (any code FluxCaption reads; null or und reads English
    /// with a warning). A language without installed data fails with the Debian package to install, or with
    /// Ocr:FallbackToEnglish reads English and adds a warning.
    /// </summary>
    public async Task<string> ChooseLanguageAsync(string? language, List<string> warnings, CancellationToken cancellationToken)
    {
        var installed = await _tesseract.InstalledLanguagesAsync(cancellationToken);
        string? wanted;
        if (Languages.LanguageCodes.IsUndetermined(language))
        {
            warnings.Add("The track's language is not known; its captions were read as English.");
            wanted = TesseractLanguages.English;
        }
        else
        {
            wanted = TesseractLanguages.ForLanguage(language);
        }

        if (wanted is not null && installed.Contains(wanted))
        {
            return wanted;
        }

        var missing = wanted is null
            ? $"Tesseract has no trained data for the language '{language}'."
            : $"Tesseract's data for '{language}' ({wanted}) is not installed: install the Debian package {TesseractLanguages.DebianPackage(wanted)} "
              + $"(apt-get install {TesseractLanguages.DebianPackage(wanted)}) or put {wanted}.traineddata in Ocr:TessdataDirectory.";
        if (options.Value.FallbackToEnglish && wanted != TesseractLanguages.English && installed.Contains(TesseractLanguages.English))
        {
            warnings.Add(missing + " The captions were read as English instead (Ocr:FallbackToEnglish); accents and non-Latin letters will be wrong.");
            return TesseractLanguages.English;
        }

        throw new OcrException(OcrErrorCodes.LanguageMissing, missing);
    }

    private async Task<OcrTranscript> ReadAsync(
        IEnumerable<BitmapCaption> captions, string tesseractLanguage, List<string> warnings, string workFolder,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        using var activity = OcrTelemetry.ActivitySource.StartActivity("ocr.read");
        activity?.SetTag("ocr.language", tesseractLanguage);
        var settings = options.Value;
        // Each picture goes to disk as soon as it is decoded, so only the timings stay in memory.
        var timings = new List<(TimeSpan Start, TimeSpan End)>();
        var pages = new List<(int Caption, string Path)>();
        foreach (var caption in captions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (CaptionImagePreparer.Prepare(caption, settings) is { } png)
            {
                var path = Path.Combine(workFolder, $"caption-{timings.Count:D6}.png");
                await File.WriteAllBytesAsync(path, png, cancellationToken);
                pages.Add((timings.Count, path));
            }

            timings.Add((caption.Start, caption.End));
        }

        var texts = new string[timings.Count];
        Array.Fill(texts, "");

        progress?.Report(0);
        for (var start = 0; start < pages.Count; start += settings.CaptionsPerRun)
        {
            var batch = pages.Skip(start).Take(settings.CaptionsPerRun).ToList();
            var read = await _tesseract.ReadAsync(batch.Select(page => page.Path).ToList(), tesseractLanguage, workFolder, cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                texts[batch[i].Caption] = OcrTextCorrections.Fix(read[i], tesseractLanguage);
            }

            progress?.Report((double)(start + batch.Count) / pages.Count);
        }

        progress?.Report(1);
        var document = new SubtitleDocument { Format = SubtitleFormat.Srt };
        var empty = 0;
        for (var i = 0; i < timings.Count; i++)
        {
            if (texts[i].Length == 0)
            {
                empty++;
                continue;
            }

            var last = document.Cues.Count > 0 ? document.Cues[^1] : null;
            if (last is not null && last.Text == texts[i] && timings[i].Start - last.End <= RedrawGap)
            {
                last.End = timings[i].End;
                continue;
            }

            document.Cues.Add(new SubtitleCue
            {
                Identifier = (document.Cues.Count + 1).ToString(CultureInfo.InvariantCulture),
                Start = timings[i].Start,
                End = timings[i].End,
                Text = texts[i],
            });
        }

        if (empty > 0)
        {
            warnings.Add($"{empty} of {timings.Count} captions held no text Tesseract could read and were left out.");
        }

        activity?.SetTag("ocr.captions", timings.Count);
        activity?.SetTag("ocr.empty_captions", empty);
        logger.LogInformation("Read {Cues} cues from {Captions} bitmap captions in {Language} ({Empty} empty)",
            document.Cues.Count, timings.Count, tesseractLanguage, empty);
        return new OcrTranscript(document, timings.Count, empty, warnings);
    }

    private static async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken) =>
        await File.ReadAllBytesAsync(Existing(path), cancellationToken);

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new OcrException(OcrErrorCodes.BadTrack, $"The subtitle file '{path}' does not exist.");
}
