using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Subtitles.Bilingual;
using FluxCaption.Core.Translation.PostProcessing;

namespace FluxCaption.Core.Translation.Output;

/// <summary>
/// Turns a finished translation into the file the user asked for: converted to the output format,
/// each translated cue tidied for its script (<see cref="SubtitlePostProcessor"/>), and, when asked,
/// the source line set beside each translation (<see cref="BilingualComposer"/>). Working in the
/// output format means the wrapper writes that format's own line breaks and the right-to-left marks
/// go only where that format's players need them.
/// </summary>
public sealed class TranslationOutputBuilder(SubtitlePostProcessor postProcessor)
{
    /// <param name="source">The document that was translated.</param>
    /// <param name="translated">The translator's result (same format and cues as <paramref name="source"/>).</param>
    /// <param name="engine">The engine the job named (Apertium output gets its spacing tidied).</param>
    /// <param name="cueEngines">Cues a fallback engine translated, by cue index, with that engine: their tidying follows it.</param>
    public SubtitleDocument Build(
        SubtitleDocument source,
        SubtitleDocument translated,
        SubtitleFormat outputFormat,
        string targetLanguage,
        string? engine,
        bool bilingual,
        IReadOnlyDictionary<int, string>? cueEngines = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(translated);

        // Both go through the same conversion, so cue i of one is still cue i of the other.
        var sourceOut = SubtitleConverter.Convert(source, outputFormat);
        var output = SubtitleConverter.Convert(translated, outputFormat);
        if (sourceOut.Cues.Count != output.Cues.Count)
        {
            throw new InvalidOperationException("The translation does not have the cues of its source.");
        }

        for (var i = 0; i < output.Cues.Count; i++)
        {
            // A cue whose text is the source's was not translated (comments, drawings, kept source): leave it.
            var cue = output.Cues[i];
            if (cue.Text != sourceOut.Cues[i].Text)
            {
                var cueEngine = cueEngines is not null && cueEngines.TryGetValue(i, out var fallback) ? fallback : engine;
                cue.Text = postProcessor.Process(cue.Text, outputFormat, targetLanguage, cueEngine);
            }
        }

        return bilingual ? BilingualComposer.Compose(output, sourceOut) : output;
    }
}
