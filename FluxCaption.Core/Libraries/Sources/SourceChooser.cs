using FluxCaption.Core.Languages;
using FluxCaption.Core.Speech.Audio;

namespace FluxCaption.Core.Libraries.Sources;

/// <summary>
/// Picks the best track to fill one gap (a missing target language) of one item. Pure: it only reads
/// the track inventory. The order, best first:
/// <list type="number">
/// <item>a human text subtitle in a preferred source language, in preference order;</item>
/// <item>any other human text subtitle not in the target language (a known language before "und");</item>
/// <item>a text subtitle FluxCaption itself produced (translating a machine translation compounds its
/// errors, so our own output is used only when no human text exists);</item>
/// <item>a bitmap subtitle (needs OCR);</item>
/// <item>speech recognition of the audio track <see cref="AudioTrackChooser"/> picks (commentary and audio description left out).</item>
/// </list>
/// Within one language: full before forced (a forced track holds only a few lines, so a forced sidecar
/// loses to a full embedded track), then external before embedded, then non-SDH before SDH unless the
/// target is SDH (then SDH first), then the default track, then the source's own order.
/// </summary>
public static class SourceChooser
{
    public static SourceChoice Choose(
        IEnumerable<MediaTrack> tracks,
        string targetLanguage,
        IReadOnlyList<string> preferredSourceLanguages,
        bool targetIsHearingImpaired = false)
    {
        var target = Canonical(targetLanguage);
        var preferred = preferredSourceLanguages.Select(Canonical).Where(tag => !LanguageCodes.IsUndetermined(tag)).Distinct().ToList();
        var inventory = tracks.ToList();
        var subtitles = inventory
            .Where(track => track.Kind == MediaTrackKind.Subtitle && !LanguageCodes.Covers(track.Language, target))
            .ToList();

        var text = subtitles.Where(track => track.IsText).ToList();
        var best = Best(text.Where(track => !track.ProducedByFluxCaption), preferred, targetIsHearingImpaired);
        if (best is not null)
        {
            return new SourceChoice(SourceChoiceKind.TextSubtitle, best, $"text subtitle in {best.Language}");
        }

        best = Best(text.Where(track => track.ProducedByFluxCaption), preferred, targetIsHearingImpaired);
        if (best is not null)
        {
            return new SourceChoice(SourceChoiceKind.TextSubtitle, best, $"FluxCaption's own {best.Language} subtitle (no human text subtitle exists)");
        }

        best = Best(subtitles.Where(track => !track.IsText), preferred, targetIsHearingImpaired);
        if (best is not null)
        {
            return new SourceChoice(SourceChoiceKind.NeedsOcr, best, $"only a bitmap subtitle ({best.Codec ?? "unknown codec"}, {best.Language}): it needs OCR");
        }

        var audio = AudioTrackChooser.Choose(inventory, preferred);
        return new SourceChoice(SourceChoiceKind.NeedsSpeechRecognition, audio,
            audio is null ? "no subtitle and no audio track listed" : $"no subtitle to translate: the {audio.Language} audio needs speech recognition");
    }

    private static MediaTrack? Best(IEnumerable<MediaTrack> candidates, List<string> preferred, bool targetIsHearingImpaired) =>
        candidates
            .Select((track, position) => (track, position))
            .OrderBy(candidate => PreferenceRank(candidate.track.Language, preferred))
            .ThenBy(candidate => LanguageCodes.IsUndetermined(candidate.track.Language) ? 1 : 0)
            .ThenBy(candidate => candidate.track.IsForced ? 1 : 0)
            .ThenBy(candidate => candidate.track.IsExternal ? 0 : 1)
            .ThenBy(candidate => candidate.track.IsHearingImpaired == targetIsHearingImpaired ? 0 : 1)
            .ThenBy(candidate => candidate.track.IsDefault ? 0 : 1)
            .ThenBy(candidate => candidate.position)
            .Select(candidate => candidate.track)
            .FirstOrDefault();

    // Preferred languages rank by their position; every other language ranks after them, equally.
    private static int PreferenceRank(string language, List<string> preferred)
    {
        for (var rank = 0; rank < preferred.Count; rank++)
        {
            if (LanguageCodes.Covers(language, preferred[rank]))
            {
                return rank;
            }
        }

        return preferred.Count;
    }

    private static string Canonical(string tag) => LanguageCodes.TryNormalize(tag, out var canonical) ? canonical : tag;
}
