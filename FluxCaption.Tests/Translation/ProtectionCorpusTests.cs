using System.Text.RegularExpressions;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Subtitles.Protection;

namespace FluxCaption.Tests.Translation;

/// <summary>
/// Protection against the markup of real files in ../shared/corpus (read in place, never copied).
/// The cue texts are cut out with a few string splits: enough for these well-formed files, and
/// independent of the subtitle parsers, which are tested on their own.
/// </summary>
public partial class ProtectionCorpusTests
{
    public static TheoryData<string> AssFiles() =>
    [
        "ass/aegisub-ass-format-tests.ass", "ass/aegisub-furi-test.ass", "ass/exo-ssa-typical-utf16le.ass",
        "ass/mantas-ass-different-format2.ass", "ass/pyonfx-ass-core.ass", "ssa/astisub-example-in.ssa", "ssa/subtitleedit-seconv-test.ssa",
    ];

    public static TheoryData<string> SrtAndVttFiles() =>
    [
        "srt/exo-typical-with-tags.srt", "srt/pysrt-capability-tester.srt", "srt/astisub-html-entities.srt", "srt/ada-zangemann-en.srt",
        "vtt/node-webvtt-acid.vtt", "vtt/vttjs-spec-example.vtt", "vtt/pysubs2-vtt-example.vtt", "vtt/exo-with-css-complex-selectors.vtt",
    ];

    [Theory]
    [MemberData(nameof(AssFiles))]
    public void EveryRealAssLineHidesItsOverridesAndBreaksAndRestoresThem(string file)
    {
        var format = file.EndsWith(".ssa", StringComparison.Ordinal) ? SubtitleFormat.Ssa : SubtitleFormat.Ass;
        var texts = AssEventTexts(Read(file));
        texts.ShouldNotBeEmpty();

        foreach (var text in texts)
        {
            var protectedText = SubtitleMarkupProtector.Protect(text, format);

            protectedText.Text.ShouldNotContain("{", customMessage: text);
            protectedText.Text.ShouldNotContain("\\N", customMessage: text);
            var restored = protectedText.Restore(protectedText.Text);
            restored.Succeeded.ShouldBeTrue(restored.Error);
            WithoutSpacesAtBreaks(restored.Text).ShouldBe(WithoutSpacesAtBreaks(text));
        }
    }

    [Theory]
    [MemberData(nameof(SrtAndVttFiles))]
    public void EveryRealSrtAndVttCueHidesItsTagsAndBreaksAndRestoresThem(string file)
    {
        var format = file.EndsWith(".vtt", StringComparison.Ordinal) ? SubtitleFormat.WebVtt : SubtitleFormat.Srt;
        var texts = CueTexts(Read(file));
        texts.ShouldNotBeEmpty();

        foreach (var text in texts)
        {
            var protectedText = SubtitleMarkupProtector.Protect(text, format);

            protectedText.Text.ShouldNotContain("\n", customMessage: text);
            KnownTag().IsMatch(protectedText.Text).ShouldBeFalse(text);
            var restored = protectedText.Restore(protectedText.Text);
            restored.Succeeded.ShouldBeTrue(restored.Error);
            WithoutSpacesAtBreaks(restored.Text).ShouldBe(WithoutSpacesAtBreaks(text));
        }
    }

    private static string Read(string relative) =>
        File.ReadAllText(Path.Combine(FluxCaption.Tests.Subtitles.CorpusFiles.Root, relative));

    private static List<string> AssEventTexts(string script)
    {
        var lines = script.ReplaceLineEndings("\n").Split('\n');
        var events = Array.FindIndex(lines, l => l.Trim().Equals("[Events]", StringComparison.OrdinalIgnoreCase));
        var format = lines.Skip(events).First(l => l.StartsWith("Format:", StringComparison.OrdinalIgnoreCase));
        var fieldCount = format.Split(',').Length;
        return [.. lines.Skip(events)
            .Where(l => l.StartsWith("Dialogue:", StringComparison.Ordinal) || l.StartsWith("Comment:", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(',', fieldCount)[^1])];
    }

    private static List<string> CueTexts(string file) =>
        [.. file.ReplaceLineEndings("\n").Split("\n\n")
            .Select(block => block.Split('\n'))
            .Where(block => block.Any(l => l.Contains("-->", StringComparison.Ordinal)))
            .Select(block => string.Join('\n', block.SkipWhile(l => !l.Contains("-->", StringComparison.Ordinal)).Skip(1)))
            .Where(text => text.Length > 0)];

    // Restore drops spaces beside a line break (models add them); the files sometimes carry them too.
    private static string WithoutSpacesAtBreaks(string text) => SpacesAtBreaks().Replace(text, "$1");

    [GeneratedRegex(@"[ \t]*(\\N|\\n|\n)[ \t]*")]
    private static partial Regex SpacesAtBreaks();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>")]
    private static partial Regex KnownTag();
}
