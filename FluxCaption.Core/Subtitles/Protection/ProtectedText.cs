using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FluxCaption.Core.Subtitles.Protection;

/// <summary>
/// Cue text with its markup swapped for numbered placeholders (⟦1⟧, ⟦2⟧...). <see cref="Prefix"/> holds
/// whole-line overrides such as {\an8} that never travel to the engine; <see cref="Tokens"/>[n-1] is
/// the markup behind ⟦n⟧.
/// </summary>
public sealed partial class ProtectedText
{
    public ProtectedText(string prefix, string text, IReadOnlyList<string> tokens)
    {
        Prefix = prefix;
        Text = text;
        Tokens = tokens;
    }

    public string Prefix { get; }

    /// <summary>What an engine receives.</summary>
    public string Text { get; }

    public IReadOnlyList<string> Tokens { get; }

    /// <summary>
    /// Puts the markup back into a translation of <see cref="Text"/>. Every placeholder must appear
    /// exactly once and in the original order (swapped tags would turn &lt;i&gt;..&lt;/i&gt; inside out);
    /// otherwise the result carries an error and no text.
    /// </summary>
    public RestoreResult Restore(string translated)
    {
        ArgumentNullException.ThrowIfNull(translated);
        var found = Placeholder().Matches(translated);
        var seen = new HashSet<int>();
        var previous = 0;
        foreach (Match match in found)
        {
            if (!int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || number < 1 || number > Tokens.Count)
            {
                return RestoreResult.Fail($"placeholder {match.Value} does not exist in the source");
            }

            if (!seen.Add(number))
            {
                return RestoreResult.Fail($"placeholder ⟦{number}⟧ appears more than once");
            }

            if (number < previous)
            {
                return RestoreResult.Fail($"placeholder ⟦{number}⟧ was moved before ⟦{previous}⟧");
            }

            previous = number;
        }

        var missing = Enumerable.Range(1, Tokens.Count).Where(n => !seen.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            return RestoreResult.Fail($"placeholder(s) {string.Join(", ", missing.Select(n => $"⟦{n}⟧"))} missing");
        }

        var withoutPlaceholders = Placeholder().Replace(translated, "");
        if (withoutPlaceholders.Contains('⟦') || withoutPlaceholders.Contains('⟧'))
        {
            return RestoreResult.Fail("a placeholder was damaged");
        }

        var restored = new StringBuilder(Prefix);
        var position = 0;
        foreach (Match match in found)
        {
            var token = Tokens[int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) - 1];
            var before = translated[position..match.Index];
            position = match.Index + match.Length;

            // Line breaks travel with spaces around them; the spaces must not survive into the file.
            if (StartsWithLineBreak(token))
            {
                before = before.TrimEnd(' ', '\t');
            }

            restored.Append(before).Append(token);
            if (EndsWithLineBreak(token))
            {
                while (position < translated.Length && translated[position] is ' ' or '\t')
                {
                    position++;
                }
            }
        }

        restored.Append(translated[position..]);
        return RestoreResult.Ok(restored.ToString());
    }

    private static bool StartsWithLineBreak(string token) =>
        token.StartsWith('\n') || token.StartsWith('\r') || token.StartsWith("\\N", StringComparison.Ordinal)
        || token.StartsWith("\\n", StringComparison.Ordinal);

    private static bool EndsWithLineBreak(string token) =>
        token.EndsWith('\n') || token.EndsWith("\\N", StringComparison.Ordinal) || token.EndsWith("\\n", StringComparison.Ordinal);

    [GeneratedRegex(@"⟦\s*(\d+)\s*⟧")]
    private static partial Regex Placeholder();
}
