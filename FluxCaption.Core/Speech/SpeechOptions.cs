using System.ComponentModel.DataAnnotations;

namespace FluxCaption.Core.Speech;

/// <summary>Which speech engine makes transcripts, bound from the "Speech" section (each engine has its own subsection).</summary>
public sealed class SpeechOptions
{
    public const string SectionName = "Speech";

    /// <summary>One of <see cref="SpeechEngineNames"/>: Whisper.net in the worker unless a service is configured and chosen.</summary>
    [Required]
    public string Engine { get; set; } = SpeechEngineNames.WhisperNet;

    /// <summary>Model name or path for the chosen engine; empty means that engine's own default.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// Also write a transcript back as a subtitle in the speech's own language (a machine-made track),
    /// not only the translations made from it. Done by a job of its own for that language, planned like
    /// any gap, so a human subtitle in that language is never doubled.
    /// </summary>
    public bool WriteTranscript { get; set; }
}
