namespace FluxCaption.Core.Translation.PostProcessing;

/// <summary>
/// Wraps each line that holds right-to-left letters in RLE (U+202B) ... PDF (U+202C). VSFilter, libass
/// and most SRT renderers lay a line out left to right, so a translated line that ends in punctuation
/// or starts with a Latin name comes out with the full stop on the wrong side. An embedding makes the
/// whole line a right-to-left run whatever the player's paragraph direction: punctuation and Latin
/// fragments land where an Arabic or Hebrew reader expects them. A lone RLM at the line end would not
/// do, because a neutral between a Latin word and an RLM still takes the paragraph's direction. Lines
/// that already start with a direction control are left as they are, so marks are never doubled.
/// </summary>
internal static class RightToLeftEmbedding
{
    private const string Embedding = "\u202B";
    private const string Pop = "\u202C";

    public static List<Atom> Apply(List<Atom> atoms)
    {
        var result = new List<Atom>(atoms.Count + 4);
        var lineStart = 0;
        for (var i = 0; i <= atoms.Count; i++)
        {
            if (i < atoms.Count && atoms[i].Kind != AtomKind.Break)
            {
                continue;
            }

            var line = atoms.GetRange(lineStart, i - lineStart);
            var first = line.FindIndex(a => a.IsChar && !ScriptCharacters.IsSpace(a.Text));
            var last = line.FindLastIndex(a => a.IsChar && !ScriptCharacters.IsSpace(a.Text));
            var marked = first >= 0 && (ScriptCharacters.IsBidiControl(line[first].Text) || ScriptCharacters.IsBidiControl(line[last].Text));
            if (first >= 0 && !marked && line.Any(a => a.IsChar && ScriptCharacters.IsRightToLeftLetter(a.Text)))
            {
                line.Insert(last + 1, new Atom(Pop, AtomKind.Char));
                line.Insert(first, new Atom(Embedding, AtomKind.Char));
            }

            result.AddRange(line);
            if (i < atoms.Count)
            {
                result.Add(atoms[i]);
            }

            lineStart = i + 1;
        }

        return result;
    }
}
