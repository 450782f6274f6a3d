using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Subtitles.Protection;

namespace FluxCaption.Tests.Subtitles.Bilingual;

/// <summary>A stand-in translation: every translatable cue's words upper-cased, its markup untouched.</summary>
internal static class UpperCaseTranslation
{
    public static SubtitleDocument Of(SubtitleDocument source)
    {
        var translated = source.Clone();
        foreach (var cue in translated.Cues.Where(c => SubtitleMarkupProtector.IsTranslatable(c, source.Format)))
        {
            var protectedText = SubtitleMarkupProtector.Protect(cue.Text, source.Format);
            var restored = protectedText.Restore(protectedText.Text.ToUpperInvariant());
            restored.Succeeded.ShouldBeTrue(restored.Error);
            cue.Text = restored.Text;
        }

        return translated;
    }
}
