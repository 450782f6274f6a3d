using System.Globalization;
using FluxCaption.Core.Translation.PostProcessing;

namespace FluxCaption.Core.Speech.Cues;

/// <summary>
/// A phrase a decoder got stuck on ("I'm going to go. I'm going to go. I'm going to go..."). Words are
/// compared case- and punctuation-insensitively; in Chinese and Japanese each character is a word.
/// </summary>
/// <param name="IsWholeText">The segment opens with the loop: nothing real was heard before the decoder got stuck.</param>
/// <param name="KeepLength">Characters of the original text up to the end of the loop's first round.</param>
internal sealed record RepetitionLoop(bool IsWholeText, int KeepLength)
{
    private const int LongestPhrase = 12;

    // People do say "no, no, no" or "sorry, sorry": a loop needs more rounds and more words than speech does.
    private const int MinimumRounds = 4;
    private const int MinimumLoopWords = 10;
    private const int MinimumSingleWordRounds = 10;

    public static RepetitionLoop? Find(string text)
    {
        var words = Words(text);
        for (var start = 0; start < words.Count; start++)
        {
            for (var length = 1; length <= LongestPhrase && start + (length * 2) <= words.Count; length++)
            {
                var rounds = 1;
                while (start + ((rounds + 1) * length) <= words.Count && SameRound(words, start, start + (rounds * length), length))
                {
                    rounds++;
                }

                var isLoop = length == 1
                    ? rounds >= MinimumSingleWordRounds
                    : rounds >= MinimumRounds && rounds * length >= MinimumLoopWords;
                if (isLoop)
                {
                    return new RepetitionLoop(start == 0, words[start + length - 1].End);
                }
            }
        }

        return null;
    }

    private static bool SameRound(List<(string Text, int End)> words, int first, int second, int length)
    {
        for (var k = 0; k < length; k++)
        {
            if (words[first + k].Text != words[second + k].Text)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lower-cased words with the index just after each in the original text.</summary>
    private static List<(string Text, int End)> Words(string text)
    {
        var words = new List<(string, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var length = char.IsSurrogatePair(text, i) ? 2 : 1;
            var atom = text.Substring(i, length);
            if (ScriptCharacters.IsCjkLetter(atom))
            {
                words.Add((atom, i + length));
                i += length;
                continue;
            }

            if (!char.IsLetterOrDigit(text, i))
            {
                i += length;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsSurrogate(text[i])
                && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '’' || char.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark)
                && !ScriptCharacters.IsFullWidth(text.Substring(i, 1)))
            {
                i++;
            }

            if (i == start)
            {
                i += length;
                continue;
            }

            words.Add((text[start..i].ToLowerInvariant().Replace('’', '\''), i));
        }

        return words;
    }
}
