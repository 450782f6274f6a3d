using System.Globalization;
using FluxCaption.Core.Translation.PostProcessing;

namespace FluxCaption.Core.Speech.Cues;

/// <summary>
/// The smallest piece a cue may be cut around: a word (with its punctuation), or in Chinese and Japanese one
/// character (a run of Latin letters or digits stays whole). Never split further.
/// </summary>
internal sealed record CueUnit(string Text, TimeSpan Start, TimeSpan End, bool SpaceBefore)
{
    private const string ClosingMarks = ".,!?;:…%)]}»”’\"'。，、！？；：）」』】〕〉》・ー〜";

    private const string OpeningMarks = "([{«“‘¿¡（「『【〔〈《";

    /// <summary>The segment's units, timed by its word timestamps, or by its characters shared out over its time when it has none.</summary>
    public static List<CueUnit> From(TranscribedSegment segment, CueLayout layout)
    {
        var words = segment.Words.Where(word => !string.IsNullOrWhiteSpace(word.Text)).ToList();
        return words.Count > 0 ? FromWords(words, layout) : Proportional(segment, layout);
    }

    private static List<CueUnit> FromWords(List<TranscribedWord> words, CueLayout layout)
    {
        // Whisper's tokens carry their own leading space ("▁Hello", " wor" "ld"): then a token without one
        // continues the word before it. Engines that send whole words send them without spaces.
        var leadingSpaces = words.Skip(1).Any(word => char.IsWhiteSpace(word.Text[0]));
        var units = new List<CueUnit>();
        foreach (var word in words)
        {
            var text = word.Text.Trim();
            var continues = units.Count > 0
                && (IsAllClosing(text)
                    || (layout.SpacesBetweenWords && leadingSpaces && !char.IsWhiteSpace(word.Text[0]))
                    || OpeningMarks.Contains(units[^1].Text[^1], StringComparison.Ordinal));
            if (continues)
            {
                var last = units[^1];
                units[^1] = last with { Text = last.Text + text, End = word.End > last.End ? word.End : last.End };
                continue;
            }

            var space = units.Count > 0 && (layout.SpacesBetweenWords || (IsLatin(units[^1].Text[^1]) && IsLatin(text[0])));
            units.Add(new CueUnit(text, word.Start, word.End < word.Start ? word.Start : word.End, space));
        }

        return units;
    }

    private static List<CueUnit> Proportional(TranscribedSegment segment, CueLayout layout)
    {
        var pieces = layout.SpacesBetweenWords ? SpacedPieces(segment.Text) : UnspacedPieces(segment.Text);
        var total = pieces.Sum(piece => piece.Text.Length);
        if (total == 0)
        {
            return [];
        }

        var duration = segment.End > segment.Start ? segment.End - segment.Start : TimeSpan.Zero;
        var units = new List<CueUnit>(pieces.Count);
        var before = 0;
        foreach (var (text, space) in pieces)
        {
            var start = segment.Start + (duration * before / total);
            before += text.Length;
            units.Add(new CueUnit(text, start, segment.Start + (duration * before / total), space && units.Count > 0));
        }

        return units;
    }

    private static List<(string Text, bool Space)> SpacedPieces(string text) =>
        [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word => (word, true))];

    /// <summary>Text elements, Latin runs kept whole, punctuation held to the character it belongs to.</summary>
    private static List<(string Text, bool Space)> UnspacedPieces(string text)
    {
        var pieces = new List<(string Text, bool Space)>();
        var pendingOpen = "";
        var spaceSeen = false;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (element.All(char.IsWhiteSpace))
            {
                spaceSeen = true;
                continue;
            }

            if (OpeningMarks.Contains(element, StringComparison.Ordinal))
            {
                pendingOpen += element;
                continue;
            }

            var joinsPrevious = pieces.Count > 0 && pendingOpen.Length == 0
                && (IsAllClosing(element) || (!spaceSeen && IsLatin(element[0]) && IsLatin(pieces[^1].Text[^1])));
            if (joinsPrevious)
            {
                pieces[^1] = (pieces[^1].Text + element, pieces[^1].Space);
            }
            else
            {
                var space = spaceSeen && pieces.Count > 0 && IsLatin(pieces[^1].Text[^1]) && IsLatin(element[0]);
                pieces.Add((pendingOpen + element, space));
                pendingOpen = "";
            }

            spaceSeen = false;
        }

        if (pendingOpen.Length > 0 && pieces.Count > 0)
        {
            pieces[^1] = (pieces[^1].Text + pendingOpen, pieces[^1].Space);
        }

        return pieces;
    }

    private static bool IsAllClosing(string text) => text.All(c => ClosingMarks.Contains(c, StringComparison.Ordinal));

    private static bool IsLatin(char c) => char.IsLetterOrDigit(c) && !char.IsSurrogate(c) && !ScriptCharacters.IsFullWidth(c.ToString());
}
