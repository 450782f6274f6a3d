using FluxCaption.Core.Languages;
using FluxCaption.Core.Subtitles;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Translation.PostProcessing;

/// <summary>
/// Tidies one translated cue for its target script, in the document's own markup: Apertium spacing,
/// CJK punctuation, line wrapping, then right-to-left embedding (last, so it marks the final lines).
/// Only the visible words change: tags, override blocks, {\an8} and the kind of line break stay as
/// they are, apart from the breaks the wrapper moves.
/// </summary>
public sealed class SubtitlePostProcessor(IOptions<PostProcessingOptions> options)
{
    private readonly PostProcessingOptions _options = options.Value;

    /// <param name="cueText">A translated cue's text in <paramref name="format"/>'s markup.</param>
    /// <param name="targetLanguage">A language tag of the translation ("zh-Hans", "ar", "es").</param>
    /// <param name="engine">The engine that translated it ("apertium" gets its spacing tidied).</param>
    public string Process(string cueText, SubtitleFormat format, string targetLanguage, string? engine)
    {
        ArgumentNullException.ThrowIfNull(cueText);
        if (!_options.Enabled || cueText.Length == 0 || !LanguageCodes.TryNormalize(targetLanguage, out var target))
        {
            return cueText;
        }

        var script = LanguageCodes.Script(target);
        var language = LanguageCodes.ToIso6391(target);
        var spacesBetweenWords = script != LanguageScript.Cjk || language == "ko";
        var atoms = CueAtoms.Parse(cueText, format);
        var original = atoms;

        if (_options.ApertiumSpacing && script == LanguageScript.Latin
            && string.Equals(engine?.Trim(), "apertium", StringComparison.OrdinalIgnoreCase))
        {
            atoms = ApertiumSpacing.Apply(atoms, french: language == "fr");
        }

        if (_options.CjkPunctuation && language is "zh" or "ja")
        {
            atoms = CjkPunctuation.Apply(atoms, japanese: language == "ja");
        }

        if (_options.WrapLines)
        {
            var columns = script == LanguageScript.Cjk ? _options.MaxCjkLineWidth * 2 : _options.MaxLineWidth;
            atoms = LineWrapper.Wrap(atoms, columns, breakBetweenCjk: !spacesBetweenWords, CueAtoms.BreakFor(format));
        }

        // WebVTT renderers resolve each cue's direction from its first strong letter, as the spec asks.
        if (_options.RightToLeftEmbedding && script == LanguageScript.RightToLeft && format != SubtitleFormat.WebVtt)
        {
            atoms = RightToLeftEmbedding.Apply(atoms);
        }

        return ReferenceEquals(atoms, original) ? cueText : CueAtoms.Render(atoms);
    }
}
