using System.Globalization;
using System.Text;

namespace FluxCaption.Core.Translation.PostProcessing;

/// <summary>What the layout rules need to know about one visible character.</summary>
internal static class ScriptCharacters
{
    /// <summary>Han, kana, Hangul, CJK symbols and full-width forms: characters that take a full-width cell.</summary>
    public static bool IsFullWidth(string atom)
    {
        var rune = Rune.GetRuneAt(atom, 0).Value;
        return rune is (>= 0x1100 and <= 0x115F)
            or (>= 0x2E80 and <= 0x303E)
            or (>= 0x3041 and <= 0x33FF)
            or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF)
            or (>= 0xA960 and <= 0xA97F)
            or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F)
            or (>= 0xFF01 and <= 0xFF60)
            or (>= 0xFFE0 and <= 0xFFE6)
            or (>= 0x20000 and <= 0x3FFFD);
    }

    /// <summary>A letter of a CJK script (not punctuation): what "after CJK text" means.</summary>
    public static bool IsCjkLetter(string atom)
    {
        var rune = Rune.GetRuneAt(atom, 0);
        return IsFullWidth(atom) && Rune.IsLetterOrDigit(rune);
    }

    /// <summary>Full-width punctuation a line must not start with (closing marks, stops, commas).</summary>
    public static bool IsClosingPunctuation(string atom) =>
        atom.Length == 1 && "，。！？：；、）」』】〕〉》”’…・ー〜,.!?:;)]}»%".Contains(atom[0], StringComparison.Ordinal);

    /// <summary>Marks a line must not end with (opening brackets and quotes).</summary>
    public static bool IsOpeningPunctuation(string atom) =>
        atom.Length == 1 && "（「『【〔〈《“‘([{«¿¡".Contains(atom[0], StringComparison.Ordinal);

    public static bool IsLatinWordCharacter(string atom)
    {
        var rune = Rune.GetRuneAt(atom, 0);
        return !IsFullWidth(atom) && (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark);
    }

    public static bool IsSpace(string atom) => atom is " " or "\t" or "\u00A0" or "\u3000";

    /// <summary>Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms).</summary>
    public static bool IsRightToLeftLetter(string atom)
    {
        var rune = Rune.GetRuneAt(atom, 0).Value;
        return rune is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF)
            && Rune.IsLetter(new Rune(rune));
    }

    /// <summary>Bidi control characters take no room on screen.</summary>
    public static bool IsBidiControl(string atom) =>
        atom.Length == 1 && atom[0] is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Screen columns: 2 for a full-width character, 0 for controls and combining marks, else 1.</summary>
    public static int Columns(Atom atom)
    {
        if (!atom.IsChar)
        {
            return atom.Text == "\\h" ? 1 : 0;
        }

        if (IsBidiControl(atom.Text) || atom.First == '\u200B')
        {
            return 0;
        }

        var category = Rune.GetUnicodeCategory(Rune.GetRuneAt(atom.Text, 0));
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        return IsFullWidth(atom.Text) ? 2 : 1;
    }
}
