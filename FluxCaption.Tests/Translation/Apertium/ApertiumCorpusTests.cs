using System.Text.RegularExpressions;
using FluxCaption.Core.Translation;

namespace FluxCaption.Tests.Translation.Apertium;

/// <summary>Whole real subtitle files from ../shared/corpus through apertium in one batch each.</summary>
public partial class ApertiumCorpusTests
{
    [Theory]
    [InlineData("srt/ada-zangemann-en.srt")]
    [InlineData("srt/pysrt-capability-tester.srt")]
    public async Task EveryCueOfARealFileComesBackInOrderWithItsPlaceholders(string file)
    {
        var segments = ProtectedCues(file);
        segments.Count.ShouldBeGreaterThan(10);
        var engine = ApertiumEngineFactory.Create();

        var result = await engine.TranslateAsync(
            new TranslationBatch("en", "es", null, segments, [], []), TestContext.Current.CancellationToken);

        result.Select(r => r.Id).ShouldBe(segments.Select(s => s.Id));
        for (var i = 0; i < segments.Count; i++)
        {
            Placeholders(result[i].Text).ShouldBe(Placeholders(segments[i].Text), $"cue {segments[i].Id}: '{segments[i].Text}' -> '{result[i].Text}'");
        }

        var translated = result.Where((r, i) => r.Text != segments[i].Text).Count();
        translated.ShouldBeGreaterThan(segments.Count(s => WordsOnly().IsMatch(s.Text)) * 8 / 10);
    }

    [Fact]
    public async Task ARealFilmInSpanishContainsSpanishWords()
    {
        var segments = ProtectedCues("srt/ada-zangemann-en.srt").Take(20).ToList();
        var engine = ApertiumEngineFactory.Create();

        var result = await engine.TranslateAsync(
            new TranslationBatch("en", "es", null, segments, [], []), TestContext.Current.CancellationToken);

        // Cue 2 is "Once upon a time, there was a little girl named Ada."
        result[1].Text.ShouldContain("chica");
        result[1].Text.ShouldContain("había");
        var text = string.Join(" ", result.Select(r => r.Text));
        text.ShouldContain(" y ");
        text.ShouldContain(" de ");
    }

    // The cue text with its tags and line breaks turned into numbered placeholders, as the translator sends it.
    private static List<TranslationSegment> ProtectedCues(string file)
    {
        var content = File.ReadAllText(Path.Combine(CorpusFolder(), file)).ReplaceLineEndings("\n");
        var segments = new List<TranslationSegment>();
        foreach (var block in content.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Trim('\n', '\uFEFF').Split('\n');
            var timing = Array.FindIndex(lines, l => l.Contains("-->", StringComparison.Ordinal));
            if (timing < 0 || timing == lines.Length - 1)
            {
                continue;
            }

            var number = 0;
            var text = Markup().Replace(string.Join("\n", lines[(timing + 1)..]), _ => $"⟦{++number}⟧");
            segments.Add(new TranslationSegment($"{segments.Count}", text));
        }

        return segments;
    }

    private static List<string> Placeholders(string text) =>
        PlaceholderToken().Matches(text).Select(m => m.Value).ToList();

    private static string CorpusFolder() => FluxCaption.Tests.Subtitles.CorpusFiles.Root;

    [GeneratedRegex(@"<[^>\n]+>|\{[^}\n]*\}|\n")]
    private static partial Regex Markup();

    [GeneratedRegex("⟦[0-9]+⟧")]
    private static partial Regex PlaceholderToken();

    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex WordsOnly();
}
