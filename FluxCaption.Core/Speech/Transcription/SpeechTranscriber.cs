using System.Diagnostics;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Media;
using FluxCaption.Core.Speech.Audio;
using FluxCaption.Core.Speech.Cues;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Speech.Transcription;

/// <summary>
/// Makes a subtitle from an audio track: decodes it once to 16 kHz mono, cuts it into windows at
/// silences, transcribes each window not finished before (reporting after each, so the caller can
/// checkpoint it), then filters hallucinations and shapes readable cues. Engine-independent: the
/// engine only ever sees one window.
/// </summary>
public sealed class SpeechTranscriber(
    SpeechEngineResolver engines,
    IAudioExtractor extractor,
    ISilenceDetector silenceDetector,
    IOptions<SpeechAudioOptions> audioOptions,
    IOptions<MediaOptions> mediaOptions,
    ILogger<SpeechTranscriber> logger)
{
    public const string FilteredCode = "speech_filtered";

    // The last words of the previous window steer names and spelling in the next; more is noise.
    private const int PromptCharacters = 200;

    /// <param name="saved">What an earlier run of this transcript finished.</param>
    /// <param name="languageHint">The track's language when known; null lets the engine detect it.</param>
    /// <param name="onWindow">Called after every finished window with the progress to persist; throwing stops the run.</param>
    public async Task<MadeTranscript> TranscribeAsync(
        string mediaPath,
        MediaTrack audioTrack,
        string? languageHint,
        TranscriptProgress saved,
        Func<SpeechRunProgress, CancellationToken, Task> onWindow,
        CancellationToken cancellationToken)
    {
        var (engine, model) = await engines.ResolveAsync(cancellationToken);
        var progress = saved.Engine == engine.Name && saved.Model == model
            ? saved
            : new TranscriptProgress { Engine = engine.Name, Model = model };
        if (!ReferenceEquals(progress, saved) && saved.Windows.Count > 0)
        {
            logger.LogInformation("Transcript made with {OldEngine}/{OldModel} is started over with {Engine}/{Model}", saved.Engine, saved.Model, engine.Name, model);
        }

        var folder = Path.Combine(mediaOptions.Value.TempDirectory, "asr");
        Directory.CreateDirectory(folder);
        var wavPath = Path.Combine(folder, $"{Guid.NewGuid():N}.wav");
        var windowPath = Path.Combine(folder, $"{Guid.NewGuid():N}.window.wav");
        try
        {
            var audio = await extractor.ExtractAsync(mediaPath, audioTrack, wavPath, cancellationToken);
            var silences = await silenceDetector.DetectAsync(audio.WavPath, cancellationToken);
            var windows = SpeechWindowPlanner.Plan(audio.Duration, silences, audioOptions.Value.ToWindowOptions());
            progress = progress with { AudioSeconds = audio.Duration.TotalSeconds, Language = progress.Language ?? languageHint };

            var pace = Stopwatch.StartNew();
            var heardThisRun = 0.0;
            foreach (var window in windows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (progress.Has(window.Index))
                {
                    continue;
                }

                IReadOnlyList<TranscribedSegment> segments = [];
                if (!window.IsSilent)
                {
                    await WavWindowWriter.WriteAsync(audio.WavPath, window.Start, window.End, windowPath, cancellationToken);
                    var request = new TranscriptionRequest(windowPath, progress.Language, model, PromptFrom(progress));
                    var heard = await engine.TranscribeAsync(request, cancellationToken);
                    // Times in media time: the window's place in the audio, and the audio's place in the media.
                    segments = [.. heard.Segments.Select(segment => window.ToMediaTime(segment, audio.StartOffset))];
                    progress = progress with { Language = progress.Language ?? heard.Language };
                }

                progress = progress.With(window.Index, segments);
                heardThisRun += (window.End - window.Start).TotalSeconds;
                var done = windows.Where(w => progress.Has(w.Index)).Sum(w => (w.End - w.Start).TotalSeconds);
                double? eta = heardThisRun <= 0 ? null : pace.Elapsed.TotalSeconds / heardThisRun * Math.Max(0, audio.Duration.TotalSeconds - done);
                await onWindow(new SpeechRunProgress(progress, done, audio.Duration.TotalSeconds, eta), cancellationToken);
            }

            var shiftedSilences = silences.Select(silence => silence.Shift(audio.StartOffset)).ToList();
            var filtered = HallucinationFilter.Filter(progress.Segments(), shiftedSilences);
            var cues = CueSegmenter.Segment(filtered.Segments, progress.Language, new CueSegmenterOptions());
            var document = new SubtitleDocument { Format = SubtitleFormat.Srt, Cues = cues };
            logger.LogInformation("Transcribed {Seconds:F0} s of audio into {Cues} cues with {Engine}", audio.Duration.TotalSeconds, cues.Count, engine.Name);
            return new MadeTranscript(document, progress.Language, engine.Name, model ?? progress.Model, Warnings(filtered));
        }
        finally
        {
            TryDelete(wavPath);
            TryDelete(windowPath);
        }
    }

    private static IReadOnlyList<DocumentWarning> Warnings(FilteredSegments filtered)
    {
        var parts = new List<string>();
        Add(filtered.RepetitionLoops, "repetition loop", "repetition loops");
        Add(filtered.OverSilence, "segment heard over silence", "segments heard over silence");
        Add(filtered.KnownFillers, "known filler phrase", "known filler phrases");
        Add(filtered.LowConfidence, "segment the engine judged unlikely speech", "segments the engine judged unlikely speech");
        if (filtered.TrimmedLoops > 0)
        {
            parts.Add($"{filtered.TrimmedLoops} cut short where a loop followed real text");
        }

        return parts.Count == 0 ? [] : [new DocumentWarning(FilteredCode, $"Speech recognition output left out as likely invented: {string.Join(", ", parts)}.")];

        void Add(int count, string one, string many)
        {
            if (count > 0)
            {
                parts.Add($"{count} {(count == 1 ? one : many)}");
            }
        }
    }

    private static string? PromptFrom(TranscriptProgress progress)
    {
        var text = string.Join(' ', progress.Segments().TakeLast(4).Select(segment => segment.Text.Trim()));
        return text.Length == 0 ? null : text.Length <= PromptCharacters ? text : text[^PromptCharacters..];
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The temp cleanup job removes what is left.
        }
    }
}

/// <summary>A finished transcript: the subtitle, its language (given or detected), and what the user should know.</summary>
public sealed record MadeTranscript(SubtitleDocument Document, string? Language, string Engine, string? Model, IReadOnlyList<DocumentWarning> Warnings);

/// <summary>After each window: the progress to persist, and how far the audio is done.</summary>
public sealed record SpeechRunProgress(TranscriptProgress Saved, double DoneSeconds, double TotalSeconds, double? EtaSeconds);
