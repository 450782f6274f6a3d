using FluxCaption.Core.Translation.Glossary;

namespace FluxCaption.Tests.Translation.Glossary;

public class GlossaryMatcherTests
{
    [Fact]
    public void ATermMatchesWholeWordsOnly()
    {
        GlossaryTerm[] terms = [new("Ann", "Ana")];

        GlossaryMatcher.TermsIn("Ann, wait!", terms).ShouldHaveSingleItem();
        GlossaryMatcher.TermsIn("The annual report.", terms).ShouldBeEmpty();
        GlossaryMatcher.TermsIn("Joann and Annie", terms).ShouldBeEmpty();
    }

    [Fact]
    public void CaseSensitiveTermsIgnoreOtherCasesAndInsensitiveOnesDoNot()
    {
        GlossaryMatcher.TermsIn("the ring is here", [new("Ring", "Anillo", CaseSensitive: true)]).ShouldBeEmpty();
        GlossaryMatcher.TermsIn("the ring is here", [new("Ring", "Anillo")]).ShouldHaveSingleItem();
    }

    [Fact]
    public void TermsOfScriptsWithoutSpacesMatchInsideALine()
    {
        GlossaryMatcher.TermsIn("我们去东京吧", [new("东京", "Tokio")]).ShouldHaveSingleItem();
    }

    [Fact]
    public void AMissingTargetTermIsReportedAndAPresentOneIsNot()
    {
        GlossaryTerm[] terms = [new("Shire", "Comarca"), new("Frodo", "Frodo Bolsón")];

        GlossaryMatcher.Missing("Frodo left the Shire.", "Frodo Bolsón dejó la comarca.", terms).ShouldBeEmpty();
        GlossaryMatcher.Missing("Frodo left the Shire.", "Frodo dejó la Comarca.", terms)
            .ShouldHaveSingleItem().Target.ShouldBe("Frodo Bolsón");
    }

    [Fact]
    public void TheJobsTermsWinOverGlobalOnesForTheSameSourceTerm()
    {
        var merged = GlossaryMatcher.Merge(
            [new("Shire", "Condado"), new("Gandalf", "Gandalf el Gris")],
            [new("shire ", " Comarca"), new("", "nothing")]);

        merged.ShouldBe([new("shire", "Comarca"), new("Gandalf", "Gandalf el Gris")], ignoreOrder: true);
    }

    [Fact]
    public void AJobGlossarySurvivesItsJsonColumn()
    {
        GlossaryTerm[] terms = [new("Shire", "Comarca"), new("Ring", "Anillo", CaseSensitive: true)];

        var json = GlossaryJson.Serialize(terms);

        GlossaryJson.Parse(json).ShouldBe(terms);
        GlossaryJson.Serialize([]).ShouldBeNull();
        GlossaryJson.Parse(null).ShouldBeEmpty();
        Should.Throw<System.Text.Json.JsonException>(() => GlossaryJson.Parse("{\"source\":\"x\"}"));
    }
}
