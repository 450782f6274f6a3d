using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluxCaption.Core.Languages;
using FluxCaption.Core.Libraries;

namespace FluxCaption.Core.Speech.Audio;

/// <summary>
/// Picks the audio track to transcribe: the wanted source language first (in preference order), else
/// the default track, else a track with a known language, else the first. Commentary and
/// audio-description tracks are left out, because transcribing a director talking over the film or a
/// narrator describing the picture gives subtitles for words nobody on screen says; they are used only
/// when the item has nothing else. Pure: it only reads the inventory.
/// </summary>
public static partial class AudioTrackChooser
{
    // Whole words (or, for scripts without spaces, substrings) of track titles that mark a track which is
    // not the film's dialogue. Compared case- and accent-insensitively.
    private static readonly string[] NotDialogueWords =
    [
        "commentary", "commentaries", "comments", "director's commentary", "description", "descriptive",
        "described", "audio description", "ad", "dvs", "narration", "narrated",
        "kommentar", "kommentare", "audiodeskription", "hörfilm",
        "commentaire", "commentaires", "audiodescription", "audio-description", "description audio",
        "comentario", "comentarios", "audiodescripción", "audiodescripcion", "descripción", "commento", "audiodescrizione",
        "kommentaar", "commentaar", "audiodescriptie", "komentarz", "audiodeskrypcja", "комментарий", "комментарии", "тифлокомментарий",
    ];

    private static readonly string[] NotDialogueFragments = ["解说", "解說", "评论", "評論", "口述影像", "コメンタリー", "解説", "音声解説", "해설", "코멘터리"];

    public static MediaTrack? Choose(IEnumerable<MediaTrack> tracks, IReadOnlyList<string> preferredLanguages)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(preferredLanguages);
        var preferred = preferredLanguages
            .Select(tag => LanguageCodes.TryNormalize(tag, out var canonical) ? canonical : tag)
            .Where(tag => !LanguageCodes.IsUndetermined(tag))
            .Distinct()
            .ToList();
        var audio = tracks.Where(track => track.Kind == MediaTrackKind.Audio).ToList();
        var dialogue = audio.Where(track => !IsNotDialogue(track)).ToList();
        var candidates = dialogue.Count > 0 ? dialogue : audio;
        return candidates
            .Select((track, position) => (track, position))
            .OrderBy(candidate => PreferenceRank(candidate.track.Language, preferred))
            .ThenBy(candidate => candidate.track.IsDefault ? 0 : 1)
            .ThenBy(candidate => LanguageCodes.IsUndetermined(candidate.track.Language) ? 1 : 0)
            .ThenBy(candidate => candidate.position)
            .Select(candidate => candidate.track)
            .FirstOrDefault();
    }

    /// <summary>True for a commentary or audio-description track (by its flags or by words in its title).</summary>
    public static bool IsNotDialogue(MediaTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (track.IsCommentary || track.IsAudioDescription)
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(track.Title))
        {
            return false;
        }

        var title = Fold(track.Title);
        if (NotDialogueFragments.Any(fragment => title.Contains(Fold(fragment), StringComparison.Ordinal)))
        {
            return true;
        }

        var words = Words(title);
        return NotDialogueWords.Select(Fold).Any(keyword => ContainsPhrase(words, Words(keyword)));
    }

    private static bool ContainsPhrase(List<string> words, List<string> phrase)
    {
        for (var start = 0; start + phrase.Count <= words.Count; start++)
        {
            if (phrase.Select((word, offset) => words[start + offset] == word).All(match => match))
            {
                return true;
            }
        }

        return false;
    }

    // "Director's Commentary" -> [director's, commentary]; brackets and separators split words, apostrophes do not.
    private static List<string> Words(string text) =>
        [.. WordPattern().Matches(text.Replace('’', '\'')).Select(match => match.Value)];

    [GeneratedRegex(@"[\p{L}\p{N}\p{Mn}']+")]
    private static partial Regex WordPattern();

    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

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
}
