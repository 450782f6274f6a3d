using FluxCaption.Core.Translation;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation;

/// <summary>
/// A reply that gives the source back is refused however the line's markup was cut into
/// placeholders: karaoke syllables and tags inside words must not hide an echo.
/// </summary>
public class UntranslatedLineTests
{
    private static readonly Func<TranslatedBatchReport, CancellationToken, Task> Ignore = (_, _) => Task.CompletedTask;

    private static FakeTranslationEngine Echo(Func<string, string>? reshape = null) => new()
    {
        Tamper = (batch, _, _) => [.. batch.Segments.Select(s => new TranslatedSegment(s.Id, reshape is null ? s.Text : reshape(s.Text)))],
    };

    [Fact]
    public async Task AKaraokeLineReturnedUnchangedKeepsItsSourceWithAWarning()
    {
        const string karaoke = @"{\k25}su{\k13}re {\k20}I'll {\k30}come {\k15}back {\k40}to{\k22}mor{\k18}row";
        var document = Ass((karaoke, false));

        var result = await Translator(null, Echo()).TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        result.Document.Cues[0].Text.ShouldBe(karaoke);
        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.Code.ShouldBe("kept_source");
        warning.Message.ShouldContain("untranslated");
    }

    [Fact]
    public async Task AKaraokeEchoWithSpacesAroundItsPlaceholdersIsStillUntranslated()
    {
        var document = Ass((@"{\k25}su{\k13}re {\k20}I'll {\k30}come {\k15}back", false));
        var engine = Echo(text => text.Replace("⟧", "⟧ ", StringComparison.Ordinal).Replace("⟦", " ⟦", StringComparison.Ordinal));

        var result = await Translator(null, engine).TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        result.Warnings.ShouldHaveSingleItem().Message.ShouldContain("untranslated");
    }

    [Fact]
    public async Task ALineWithTagsInsideWordsReturnedUnchangedIsRefused()
    {
        var document = Srt("Wh<i>ere</i> are my <b>k</b>eys", @"We {\i1}re{\i0}ally have to go");

        var result = await Translator(null, Echo()).TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        result.Document.Cues.Select(c => c.Text).ShouldBe(["Wh<i>ere</i> are my <b>k</b>eys", @"We {\i1}re{\i0}ally have to go"]);
        result.Warnings.Select(w => (w.CueIndex, w.Code)).ShouldBe([(0, "kept_source"), (1, "kept_source")]);
    }

    [Fact]
    public async Task ATranslatedKaraokeLineIsAccepted()
    {
        var document = Ass((@"{\k25}su{\k13}re {\k20}I'll {\k30}come {\k15}back", false));

        var result = await Translator(null, new FakeTranslationEngine()).TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        result.Warnings.ShouldBeEmpty();
        result.Document.Cues[0].Text.ShouldBe(@"{\k25}SU{\k13}RE {\k20}I'LL {\k30}COME {\k15}BACK");
    }
}
