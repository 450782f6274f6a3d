namespace FluxCaption.Core.Translation.PostProcessing;

/// <summary>
/// Tidies the spacing rule-based output leaves behind: runs of spaces become one, and a space before
/// a trailing , . ; : ! ? or a closing bracket goes ("palabra ." becomes "palabra."). A mark counts as
/// trailing when a space, the line end or markup follows it, so "3 .5" and "1 ,000" are not glued and
/// "Espera ... qué" keeps its spaced ellipsis. French keeps its space before ; : ! ? (its typography).
/// </summary>
internal static class ApertiumSpacing
{
    public static List<Atom> Apply(List<Atom> atoms, bool french)
    {
        var result = new List<Atom>(atoms.Count);
        for (var i = 0; i < atoms.Count; i++)
        {
            var atom = atoms[i];
            if (atom.IsChar && atom.Text == " ")
            {
                var previous = result.Count > 0 ? result[^1] : default;
                if (previous is { IsChar: true, Text: " " } || (previous is { IsChar: true, Text: not null } && !ScriptCharacters.IsSpace(previous.Text) && IsBeforeTrailingMark(atoms, i + 1, french)))
                {
                    continue;
                }
            }

            result.Add(atom);
        }

        return result;
    }

    private static bool IsBeforeTrailingMark(List<Atom> atoms, int index, bool french)
    {
        if (index >= atoms.Count || atoms[index] is not { IsChar: true, Text.Length: 1 } mark || !IsTrailingMark(mark.First, french))
        {
            return false;
        }

        var after = index + 1 < atoms.Count ? atoms[index + 1] : default;
        if (mark.First == '.' && after is { IsChar: true, Text: "." })
        {
            return false;
        }

        return after.Text is null || !after.IsChar || ScriptCharacters.IsSpace(after.Text);
    }

    private static bool IsTrailingMark(char c, bool french) =>
        c is ',' or '.' or ')' or ']' || (!french && c is ';' or ':' or '!' or '?');
}
