using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Subtitles.Bilingual;
using FluxCaption.Core.Subtitles.Protection;

namespace FluxCaption.Tests.Subtitles.Bilingual;

/// <summary>Bilingual output over real files from ../shared/corpus.</summary>
public class BilingualCorpusTests
{
    [Theory]
    [InlineData("srt/exo-typical-with-tags.srt")]
    [InlineData("srt/pysrt-capability-tester.srt")]
    [InlineData("srt/ada-zangemann-en.srt")]
    [InlineData("srt/astisub-html-entities.srt")]
    [InlineData("vtt/exo-with-positioning.vtt")]
    [InlineData("vtt/vttjs-spec-example.vtt")]
    [InlineData("vtt/pysubs2-vtt-example.vtt")]
    public void EverySrtAndVttCueShowsItsTranslationThenItsSourceWithTheSameTiming(string file)
    {
        var source = CorpusFiles.Load(file);
        var translated = UpperCaseTranslation.Of(source);

        var bilingual = BilingualComposer.Compose(translated, source);
        var reread = SubtitleParser.Parse(SubtitleWriter.Write(bilingual), source.Format);

        reread.Cues.Count.ShouldBe(source.Cues.Count);
        for (var i = 0; i < source.Cues.Count; i++)
        {
            var (cue, original, translation) = (reread.Cues[i], source.Cues[i], translated.Cues[i]);
            (cue.Start, cue.End, cue.Settings).ShouldBe((original.Start, original.End, original.Settings), $"cue {i}");
            if (translation.Text == original.Text)
            {
                cue.Text.ShouldBe(original.Text, $"cue {i} was not translated and is shown once");
                continue;
            }

            cue.Text.ShouldStartWith(translation.Text.TrimEnd('\n'), Case.Sensitive, $"cue {i}");
            var sourcePlain = SubtitleMarkupProtector.PlainText(original.Text, source.Format);
            cue.Text.ShouldEndWith(original.Text.TrimEnd('\n')[(original.Text.StartsWith("{\\", StringComparison.Ordinal) ? original.Text.IndexOf('}') + 1 : 0)..],
                Case.Sensitive, $"cue {i}");
            SubtitleMarkupProtector.PlainText(cue.Text, source.Format).ShouldEndWith(sourcePlain, Case.Sensitive);
        }
    }

    [Theory]
    [InlineData("ass/aegisub-ass-format-tests.ass")]
    [InlineData("ass/aegisub-furi-test.ass")]
    [InlineData("ass/pysubs2-attached-fonts-aegisub.ass")]
    [InlineData("ass/mantas-ass-different-format2.ass")]
    [InlineData("ass/pyonfx-ass-core.ass")]
    [InlineData("ssa/astisub-example-in.ssa")]
    [InlineData("ssa/subtitleedit-seconv-test.ssa")]
    public void AssEventsKeepTheirStylesAndGainASourceTwinInASmallerSourceStyle(string file)
    {
        var source = CorpusFiles.Load(file);
        var translated = UpperCaseTranslation.Of(source);

        var bilingual = BilingualComposer.Compose(translated, source);
        var reread = SubtitleParser.Parse(SubtitleWriter.Write(bilingual), source.Format);

        var twins = reread.Cues.Where(c => c.Ass!.Style.EndsWith("-Source", StringComparison.Ordinal)).ToList();
        var events = reread.Cues.Where(c => !c.Ass!.Style.EndsWith("-Source", StringComparison.Ordinal)).ToList();
        events.Select(c => (c.Start, c.End, c.Ass!.Style, c.Ass.Layer, c.IsComment, c.Text))
            .ShouldBe(translated.Cues.Select(c => (c.Start, c.End, c.Ass!.Style, c.Ass.Layer, c.IsComment, c.Text)));
        twins.ShouldNotBeEmpty();

        for (var i = 0; i < reread.Cues.Count; i++)
        {
            if (!twins.Contains(reread.Cues[i]))
            {
                continue;
            }

            // A twin sits just before the event it doubles, with the source text and the same timing and layer.
            var twin = reread.Cues[i];
            var partner = reread.Cues[i + 1];
            var original = source.Cues[events.IndexOf(partner)];
            twin.Text.ShouldBe(original.Text);
            (twin.Start, twin.End, twin.Ass!.Layer, twin.IsComment).ShouldBe((partner.Start, partner.End, partner.Ass!.Layer, false));
            twin.Ass.Style.ShouldBe(partner.Ass.Style.TrimStart('*') + "-Source");
            SubtitleMarkupProtector.IsTranslatable(twin, source.Format).ShouldBeTrue();
        }

        var written = SubtitleWriter.Write(bilingual);
        foreach (var style in twins.Select(t => t.Ass!.Style).Distinct())
        {
            written.ShouldContain($"Style: {style},");
        }

        foreach (var line in SubtitleWriter.Write(source).Split('\n').Where(l => l.StartsWith("Style:", StringComparison.Ordinal)))
        {
            written.ShouldContain(line.TrimEnd('\r'));
        }
    }

    [Fact]
    public void CommentsDrawingsPositionedSignsAndUntranslatedLinesAreNotDoubled()
    {
        var source = SubtitleParser.Parse("""
            [Script Info]
            ScriptType: v4.00+

            [V4+ Styles]
            Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
            Style: Default,Arial,48,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,2,10,10,10,1
            Style: Sign,Arial,30,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,8,10,10,10,1

            [Events]
            Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
            Comment: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,a note for the typesetter
            Dialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,{\an8}Where were you?
            Dialogue: 0,0:00:02.00,0:00:04.00,Default,,0,0,0,,{\p1}m 0 0 l 100 0 100 100 0 100{\p0}
            Dialogue: 0,0:00:03.00,0:00:05.00,Sign,,0,0,0,,{\pos(320,40)}City Hall
            Dialogue: 0,0:00:04.00,0:00:06.00,Default,,0,0,0,,♪ ♪
            Dialogue: 1,0:00:05.00,0:00:07.00,Nobody,,0,0,0,,At the station.
            """, SubtitleFormat.Ass);
        var translated = UpperCaseTranslation.Of(source);

        var bilingual = BilingualComposer.Compose(translated, source);

        bilingual.Cues.Select(c => (c.Ass!.Style, c.Text)).ShouldBe([
            ("Default", "a note for the typesetter"),
            ("Default-Source", @"{\an8}Where were you?"),
            ("Default", @"{\an8}WHERE WERE YOU?"),
            ("Default", @"{\p1}m 0 0 l 100 0 100 100 0 100{\p0}"),
            ("Sign", @"{\pos(320,40)}CITY HALL"),
            ("Default", "♪ ♪"),
            ("Nobody-Source", "At the station."),
            ("Nobody", "AT THE STATION."),
        ]);
        bilingual.Cues[6].Ass!.Layer.ShouldBe("1");
        var written = SubtitleWriter.Write(bilingual);
        written.ShouldContain("Style: Default-Source,Arial,36,&H00C8C8C8,&H000000FF,");
        written.ShouldContain("Style: Nobody-Source,Arial,36,&H00C8C8C8,");
        source.Cues.Count.ShouldBe(6);
    }

    [Fact]
    public void AnSrtCueClosesATagItsTranslationLeftOpenAndDoesNotRepeatItsPosition()
    {
        var source = SubtitleParser.Parse("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Where were you\n\n", SubtitleFormat.Srt);
        var translated = source.Clone();
        translated.Cues[0].Text = "{\\an8}<i>¿Dónde estabas";

        var bilingual = BilingualComposer.Compose(translated, source);

        bilingual.Cues[0].Text.ShouldBe("{\\an8}<i>¿Dónde estabas</i>\n<i>Where were you");
    }

    [Fact]
    public void ComposingTwoDocumentsThatDoNotMatchCueForCueIsRefused()
    {
        var source = SubtitleParser.Parse("1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\nBye\n", SubtitleFormat.Srt);
        var translated = source.Clone();
        translated.Cues.RemoveAt(1);

        Should.Throw<ArgumentException>(() => BilingualComposer.Compose(translated, source));
    }
}
