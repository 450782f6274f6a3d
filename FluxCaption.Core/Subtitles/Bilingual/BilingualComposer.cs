using System.Text.RegularExpressions;
using FluxCaption.Core.Subtitles.Protection;

namespace FluxCaption.Core.Subtitles.Bilingual;

/// <summary>
/// Puts each source line beside its translation. SRT and WebVTT: the translated text, then the source
/// text on the following line(s) of the same cue; a tag the translation leaves open is closed before
/// the source starts, and a leading {\an8} is not repeated. ASS/SSA: every translated Dialogue event
/// keeps its style and gains a twin event with the source text in "&lt;Style&gt;-Source" (see
/// <see cref="AssSourceStyles"/>), same layer, same timing, written just before it: libass and VSFilter
/// stack overlapping events of one layer in file order from the edge inwards, so at the bottom of the
/// picture the source sits under the translation (and above it for {\an8} lines at the top). Events
/// placed with \pos or \move are not stacked by renderers, so they, comments, drawings and lines that
/// kept their source text get no twin.
/// </summary>
public static partial class BilingualComposer
{
    /// <param name="translated">The translation, in its output format.</param>
    /// <param name="source">The source document converted to the same format: cue i of one is cue i of the other.</param>
    public static SubtitleDocument Compose(SubtitleDocument translated, SubtitleDocument source)
    {
        ArgumentNullException.ThrowIfNull(translated);
        ArgumentNullException.ThrowIfNull(source);
        if (translated.Format != source.Format || translated.Cues.Count != source.Cues.Count)
        {
            throw new ArgumentException("The source must be the translation's own source in the same format, cue for cue.", nameof(source));
        }

        var result = translated.Clone();
        return result.Format is SubtitleFormat.Ass or SubtitleFormat.Ssa ? ComposeAss(result, source) : ComposeText(result, source);
    }

    private static SubtitleDocument ComposeText(SubtitleDocument result, SubtitleDocument source)
    {
        for (var i = 0; i < result.Cues.Count; i++)
        {
            var cue = result.Cues[i];
            var original = source.Cues[i].Text;
            if (!HasTwin(cue.Text, original, result.Format))
            {
                continue;
            }

            var translation = cue.Text.TrimEnd('\r', '\n');
            cue.Text = translation + CloseOpenTags(translation) + "\n" + LeadingOverrides().Replace(original.Trim('\r', '\n'), "");
        }

        return result;
    }

    private static SubtitleDocument ComposeAss(SubtitleDocument result, SubtitleDocument source)
    {
        result.Ass ??= new AssScript();
        var styles = new AssSourceStyles(result.Ass);
        var cues = new List<SubtitleCue>(result.Cues.Count * 2);
        for (var i = 0; i < result.Cues.Count; i++)
        {
            var cue = result.Cues[i];
            var original = source.Cues[i];
            var style = cue.Ass is null || cue.IsComment || Positioned().IsMatch(cue.Text) || !HasTwin(cue.Text, original.Text, result.Format)
                ? null
                : styles.SourceStyleFor(cue.Ass.Style);
            if (style is not null)
            {
                var twin = original.Clone();
                twin.Ass!.Style = style;

                // Non-event lines (comments, blanks) stay after the event they followed.
                twin.LinesAfter = null;
                cues.Add(twin);
            }

            cues.Add(cue);
        }

        result.Cues = cues;
        return result;
    }

    /// <summary>Only a line that was translated into something else is worth showing twice.</summary>
    private static bool HasTwin(string translation, string original, SubtitleFormat format) =>
        SubtitleMarkupProtector.PlainText(original, format).Any(char.IsLetter)
        && SubtitleMarkupProtector.PlainText(translation, format) != SubtitleMarkupProtector.PlainText(original, format);

    private static string CloseOpenTags(string text)
    {
        var open = new List<string>();
        foreach (Match tag in HtmlTag().Matches(text))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (tag.Groups["close"].Success)
            {
                var at = open.LastIndexOf(name);
                if (at >= 0)
                {
                    open.RemoveAt(at);
                }
            }
            else
            {
                open.Add(name);
            }
        }

        return string.Concat(Enumerable.Reverse(open).Select(name => $"</{name}>"));
    }

    [GeneratedRegex(@"<(?<close>/)?(?<name>i|b|u|s|font)(?=[\s>])[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^(?:\{\\[^}]*\})+")]
    private static partial Regex LeadingOverrides();

    [GeneratedRegex(@"\\(?:pos|move)\s*\(")]
    private static partial Regex Positioned();
}
