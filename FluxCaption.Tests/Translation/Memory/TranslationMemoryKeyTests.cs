using FluxCaption.Core.Translation.Memory;

namespace FluxCaption.Tests.Translation.Memory;

public class TranslationMemoryKeyTests
{
    [Fact]
    public void RunsOfSpacesTabsAndEdgesCollapseToTheSameKey()
    {
        var a = TranslationMemoryKey.Normalize("  Where  were\tyou ⟦1⟧ last night? ");
        var b = TranslationMemoryKey.Normalize("Where were you ⟦1⟧ last night?");

        a.ShouldBe("Where were you ⟦1⟧ last night?");
        TranslationMemoryKey.Hash(a).ShouldBe(TranslationMemoryKey.Hash(b));
    }

    [Fact]
    public void ComposedAndDecomposedAccentsShareAKey()
    {
        var composed = TranslationMemoryKey.Normalize("Caf\u00e9 ouvert");
        var decomposed = TranslationMemoryKey.Normalize("Cafe\u0301 ouvert");

        decomposed.ShouldBe(composed);
    }

    [Fact]
    public void LetterCaseAndPunctuationMakeDifferentKeys()
    {
        var hashes = new[] { "He left.", "he left.", "He left?" }
            .Select(t => TranslationMemoryKey.Hash(TranslationMemoryKey.Normalize(t)))
            .ToList();

        hashes.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void TheHashIsLowerCaseHexSha256()
    {
        TranslationMemoryKey.Hash("abc").ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
