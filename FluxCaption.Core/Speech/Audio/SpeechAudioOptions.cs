using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Speech.Audio;

/// <summary>Audio preparation for speech recognition, bound from "Speech:Audio".</summary>
public sealed class SpeechAudioOptions
{
    public const string SectionName = "Speech:Audio";

    /// <summary>Longest decoding of one track to WAV may take; a feature film decodes in a minute or two.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "06:00:00")]
    public TimeSpan ExtractTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Longest the silencedetect pass over the WAV may take.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "06:00:00")]
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Level (dBFS) below which audio counts as silence; -35 dB leaves quiet speech above it and room tone below.</summary>
    [Range(-90.0, -10.0)]
    public double SilenceNoiseDecibels { get; set; } = -35;

    /// <summary>Shortest quiet stretch reported as silence: shorter gaps are the pauses inside sentences.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10")]
    public TimeSpan SilenceMinimumDuration { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Longest window sent to an engine; Whisper reads 30 s at a time.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan MaxWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far back from a window's longest allowed end a silence is looked for to cut at.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CutSearch { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Silences at least this long become windows of their own that are never transcribed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan SkippedSilenceMinimum { get; set; } = TimeSpan.FromSeconds(3);

    public SpeechWindowOptions ToWindowOptions() => new()
    {
        MaxWindow = MaxWindow,
        CutSearch = CutSearch < MaxWindow ? CutSearch : MaxWindow / 2,
        SkippedSilenceMinimum = SkippedSilenceMinimum,
    };
}
