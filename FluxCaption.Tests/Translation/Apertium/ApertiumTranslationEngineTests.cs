using FluxCaption.Core.Translation.Apertium;

namespace FluxCaption.Tests.Translation.Apertium;

public class ApertiumTranslationEngineTests
{
    [Fact]
    public async Task EnglishBecomesSpanish()
    {
        var engine = ApertiumEngineFactory.Create();

        var result = await engine.TranslateAsync(
            ApertiumEngineFactory.Batch("en", "es", "The house is red.", "Where is my dog?"),
            TestContext.Current.CancellationToken);

        result.Count.ShouldBe(2);
        result[0].Text.ShouldContain("casa");
        result[0].Text.ShouldContain("roja");
        result[0].Text.ShouldNotContain("house");
        result[1].Text.ShouldContain("perro");
    }

    [Fact]
    public async Task ManySegmentsInOneBatchKeepTheirIdsAndOrder()
    {
        var engine = ApertiumEngineFactory.Create();
        var texts = Enumerable.Range(0, 300).Select(i => (i % 6) switch
        {
            0 => $"Dr. Smith bought {1000 + i} apples. Then he went home.",
            1 => $"Is it {1000 + i} o'clock? I don't know...",
            2 => $"Tom & Jerry < {1000 + i} cats!",
            3 => $"⟦1⟧{1000 + i}⟦2⟧",
            4 => $"Mr. Brown said: \"{1000 + i} is a number\". It's true; isn't it?",
            _ => $"{1000 + i}. The end.",
        }).ToArray();

        var result = await engine.TranslateAsync(
            ApertiumEngineFactory.Batch("en", "es", texts), TestContext.Current.CancellationToken);

        result.Select(r => r.Id).ShouldBe(Enumerable.Range(0, 300).Select(i => $"cue-{i}"));
        for (var i = 0; i < result.Count; i++)
        {
            result[i].Text.ShouldContain((1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task SegmentsWithoutWordsComeBackAsTheyWent()
    {
        var texts = await SpanishAsync("", "⟦1⟧⟦2⟧", "Hello.", "⟦3⟧", "...");

        texts.ShouldBe(["", "⟦1⟧⟦2⟧", "Hola.", "⟦3⟧", "..."]);
    }

    [Fact]
    public async Task PlaceholdersComeBackOnceEachInTheirPlace()
    {
        var engine = ApertiumEngineFactory.Create();

        var result = await engine.TranslateAsync(
            ApertiumEngineFactory.Batch(
                "en",
                "es",
                "⟦1⟧The house⟦2⟧ is red.",
                "Where are you?⟦1⟧I am at home.",
                "⟦1⟧- Who are you?⟦2⟧- Nobody.",
                "I said ⟦7⟧hello⟦8⟧ to the dog."),
            TestContext.Current.CancellationToken);

        result[0].Text.ShouldStartWith("⟦1⟧");
        result[0].Text.ShouldBe("⟦1⟧La casa⟦2⟧ es roja.");

        var (beforeBreak, afterBreak) = Split(result[1].Text, "⟦1⟧");
        beforeBreak.ShouldContain("Dónde");
        afterBreak.ShouldContain("casa");

        result[2].Text.ShouldStartWith("⟦1⟧- ");
        var (question, answer) = Split(result[2].Text, "⟦2⟧");
        question.ShouldContain("Quién");
        answer.ShouldBe("- Nadie.");

        var (said, rest) = Split(result[3].Text, "⟦7⟧");
        said.ShouldContain("Dije");
        var (greeting, dog) = Split(rest, "⟦8⟧");
        greeting.ShouldBe("hola");
        dog.ShouldContain("perro");
    }

    [Fact]
    public async Task PlaceholdersInsideASentenceDoNotSplitIt()
    {
        var texts = await SpanishAsync("⟦1⟧The house⟦2⟧ is red.", "The dog is ⟦1⟧big⟦2⟧.", "⟦1⟧big⟦2⟧");

        texts.ShouldBe(["⟦1⟧La casa⟦2⟧ es roja.", "El perro es ⟦1⟧grande⟦2⟧.", "⟦1⟧grande⟦2⟧"]);
    }

    [Fact]
    public async Task ALineBreakStaysInPlaceWithoutEndingTheSentence()
    {
        var texts = await SpanishAsync("I have two cats\nand a small garden.", "The house\r\nis red.");

        texts.ShouldBe(["Tengo dos gatos\ny un jardín pequeño.", "La casa\r\nes roja."]);
    }

    [Fact]
    public async Task ALineThatContinuesASentenceKeepsItsLowerCaseStart()
    {
        var texts = await SpanishAsync("he is big", "♪ the dog is big ♪", "- and the house is red.", "The house is red.");

        texts.ShouldBe(["es grande", "♪ el perro es grande ♪", "- y la casa es roja.", "La casa es roja."]);
    }

    [Fact]
    public async Task CharactersApertiumReadsAsMarkupSurviveAsText()
    {
        var texts = await SpanishAsync(@"a [b] c^d$ @e *f /g <h> {i} \j ~k #l", "dog [t0] [] [t1");

        texts.ShouldBe([@"un [b] c^d$ @e *f /g <h> {i} \j ~k #l", "perro [t0] [] [t1"]);
    }

    [Fact]
    public async Task AmpersandsAndAngleBracketsSurviveAsText()
    {
        var engine = ApertiumEngineFactory.Create();

        var result = await engine.TranslateAsync(
            ApertiumEngineFactory.Batch("en", "es", "Tom & Jerry < 3 dogs", "a <b> c &amp; d"),
            TestContext.Current.CancellationToken);

        result[0].Text.ShouldContain("Tom & Jerry");
        result[0].Text.ShouldContain("<");
        result[0].Text.ShouldContain("perros");
        result[1].Text.ShouldContain("<b>");
        result[1].Text.ShouldContain("&amp;");
    }

    [Fact]
    public async Task UnknownWordsAreNotMarked()
    {
        var engine = ApertiumEngineFactory.Create();

        var result = await engine.TranslateAsync(
            ApertiumEngineFactory.Batch("en", "es", "The Zorblax house is red."), TestContext.Current.CancellationToken);

        result[0].Text.ShouldContain("Zorblax");
        result[0].Text.ShouldNotContain("*");
    }

    [Fact]
    public async Task SpanishBecomesEnglishAndLatinAmericanSpanishIsReadToo()
    {
        var engine = ApertiumEngineFactory.Create();

        engine.Supports("es-419", "en").ShouldBeTrue();
        var result = await engine.TranslateAsync(
            ApertiumEngineFactory.Batch("es-MX", "eng", "La casa es roja."), TestContext.Current.CancellationToken);

        result[0].Text.ShouldContain("house");
    }

    private static async Task<IReadOnlyList<string>> SpanishAsync(params string[] english)
    {
        var result = await ApertiumEngineFactory.Create().TranslateAsync(
            ApertiumEngineFactory.Batch("en", "es", english), TestContext.Current.CancellationToken);
        return result.Select(r => r.Text).ToList();
    }

    private static (string Before, string After) Split(string text, string placeholder)
    {
        text.Split(placeholder).Length.ShouldBe(2, $"'{placeholder}' once in '{text}'");
        var at = text.IndexOf(placeholder, StringComparison.Ordinal);
        return (text[..at], text[(at + placeholder.Length)..]);
    }
}
