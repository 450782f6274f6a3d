using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FluxCaption.Core.Translation.Memory;

/// <summary>
/// The exact-match key of a line. It is computed on the protected text, so "&lt;i&gt;Hi&lt;/i&gt;" in an SRT and
/// "{\i1}Hi{\i0}" in an ASS file share one entry (both read "⟦1⟧Hi⟦2⟧") and each restores its own
/// tags. Runs of whitespace collapse to one space and the text is Unicode NFC, so re-timed or
/// re-encoded copies of a file still hit; letter case and punctuation are kept because they change meaning.
/// </summary>
public static partial class TranslationMemoryKey
{
    public static string Normalize(string protectedText)
    {
        ArgumentNullException.ThrowIfNull(protectedText);
        return Whitespace().Replace(protectedText.Normalize(NormalizationForm.FormC), " ").Trim();
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of the already normalised text.</summary>
    public static string Hash(string normalizedText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedText)));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
