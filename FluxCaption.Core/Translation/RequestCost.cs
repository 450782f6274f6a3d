namespace FluxCaption.Core.Translation;

/// <summary>
/// Estimates the tokens one engine request costs, prompt and reply together, before it is built.
/// The point is to stay inside a model's context window, not to count exactly: it errs high.
/// </summary>
internal static class RequestCost
{
    // The system prompt, the title and the section headings of OllamaPrompt (about 900 characters).
    private const int PromptTokens = 250;

    // A line's JSON key, quotes, colon and comma, once in the request and once in the reply.
    private const int FramingTokens = 4;

    // A reply is longer than its source: French or German run 15-30% longer than English, and a
    // tokenizer trained mostly on English splits other languages into more tokens.
    private const double ReplyExpansion = 1.5;

    /// <summary>Tokens of a text: a quarter per character, a whole one for CJK, kana and Hangul.</summary>
    public static int Tokens(string text)
    {
        var quarters = 0;
        foreach (var c in text)
        {
            quarters += IsWide(c) ? 4 : 1;
        }

        return (quarters + 3) / 4;
    }

    /// <summary>
    /// What one line adds to a request: its text in the prompt and its translation in the reply; for
    /// proofreading (<paramref name="withDraft"/>) also its current translation in the prompt.
    /// </summary>
    public static int OfLine(TranslationUnit unit, bool withDraft = false) =>
        PromptOfLine(unit, withDraft) + ReplyOfLine(unit);

    /// <summary>What one line adds to the prompt: its text, and for proofreading its current translation too.</summary>
    public static int PromptOfLine(TranslationUnit unit, bool withDraft = false) =>
        Tokens(unit.Protected.Text) + FramingTokens + (withDraft ? ReplyOfLine(unit) : 0);

    /// <summary>What one line adds to the reply: its translation.</summary>
    public static int ReplyOfLine(TranslationUnit unit) =>
        (int)Math.Ceiling(Tokens(unit.Protected.Text) * ReplyExpansion) + FramingTokens;

    /// <summary>The prompt tokens of one request for <paramref name="units"/>: what it pays before its lines, then its lines.</summary>
    public static int PromptOf(IReadOnlyList<TranslationUnit> units, TranslationOptions options, bool withDrafts = false) =>
        Overhead(units, options) + units.Sum(u => PromptOfLine(u, withDrafts));

    /// <summary>The completion tokens of one request for <paramref name="units"/>.</summary>
    public static int ReplyOf(IReadOnlyList<TranslationUnit> units) => units.Sum(ReplyOfLine);

    /// <summary>
    /// What every request of these lines pays before its first line: the prompt and the context lines,
    /// which are lines of the same film (earlier ones with their translations).
    /// </summary>
    public static int Overhead(IReadOnlyList<TranslationUnit> units, TranslationOptions options)
    {
        var mean = units.Count == 0 ? 0 : units.Average(u => Tokens(u.Protected.Text));
        var preceding = options.PrecedingContextLines * ((mean * (1 + ReplyExpansion)) + FramingTokens);
        var following = options.FollowingContextLines * (mean + FramingTokens);
        return PromptTokens + (int)Math.Ceiling(preceding + following);
    }

    private static bool IsWide(char c) =>
        c is >= '\u1100' and <= '\u11FF'
            or >= '\u2E80' and <= '\u9FFF'
            or >= '\uAC00' and <= '\uD7AF'
            or >= '\uF900' and <= '\uFAFF'
            or >= '\uFF00' and <= '\uFFEF';
}
