using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation;

public class SubtitleTranslatorTests
{
    private static readonly Func<TranslatedBatchReport, CancellationToken, Task> Ignore = (_, _) => Task.CompletedTask;

    [Fact]
    public async Task TranslatingAnSrtKeepsEveryCueInOrderWithItsTimingsAndTags()
    {
        var document = Srt("<i>Hello</i> there", @"{\an8}Look up", "Two lines\nof text", "Plain words here");
        var translator = Translator(null, new FakeTranslationEngine());

        var result = await translator.TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        result.Document.Cues.Select(c => c.Text).ShouldBe(["<i>HELLO</i> THERE", @"{\an8}LOOK UP", "TWO LINES\nOF TEXT", "PLAIN WORDS HERE"]);
        result.Document.Cues.Select(c => (c.Start, c.End, c.Identifier)).ShouldBe(document.Cues.Select(c => (c.Start, c.End, c.Identifier)));
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheSourceDocumentIsLeftUntouched()
    {
        var document = Srt("Good morning", "Good night");
        var translator = Translator(null, new FakeTranslationEngine());

        var result = await translator.TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        document.Cues.Select(c => c.Text).ShouldBe(["Good morning", "Good night"]);
        result.Document.Cues[0].ShouldNotBeSameAs(document.Cues[0]);
    }

    [Fact]
    public async Task AssCommentsAndDrawingsAreNeverSentAndKeepTheirText()
    {
        var document = Ass(
            (@"{\an8}Hi {\i1}there{\i0}\Nfriend", false),
            ("Note to editors: keep this", true),
            (@"{\p1}m 0 0 l 100 0 100 100{\p0}", false),
            ("♪ ♪", false));
        var engine = new FakeTranslationEngine();

        var result = await Translator(null, engine).TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        engine.SentIds.ShouldBe(["0"]);
        result.Document.Cues.Select(c => c.Text).ShouldBe([
            @"{\an8}HI {\i1}THERE{\i0}\NFRIEND", "Note to editors: keep this", @"{\p1}m 0 0 l 100 0 100 100{\p0}", "♪ ♪",
        ]);
        result.Document.Cues[1].IsComment.ShouldBeTrue();
        result.Document.Ass!.Sections[0].Lines.ShouldBe(["Title: Test"]);
    }

    [Fact]
    public async Task StackedLayersWithTheSameTextAreTranslatedOnceAndKeepTheirOwnPositions()
    {
        var document = Ass(
            (@"{\pos(100,100)}{\bord4}Welcome home", false),
            (@"{\pos(102,102)}Welcome home", false),
            ("Something else entirely", false),
            (@"{\pos(104,104)}Welcome home", false));
        var engine = new FakeTranslationEngine();
        var reports = new List<TranslatedBatchReport>();

        var result = await Translator(null, engine).TranslateAsync(
            Request(document), (r, _) => { reports.Add(r); return Task.CompletedTask; }, TestContext.Current.CancellationToken);

        engine.SentIds.ShouldBe(["0", "2"]);
        result.Document.Cues.Select(c => c.Text).ShouldBe([
            @"{\pos(100,100)}{\bord4}WELCOME HOME", @"{\pos(102,102)}WELCOME HOME", "SOMETHING ELSE ENTIRELY", @"{\pos(104,104)}WELCOME HOME",
        ]);
        reports.Single().Cues.Keys.Order().ShouldBe([0, 1, 2, 3]);
    }

    [Fact]
    public async Task ResumingFromACheckpointSendsNothingForCompletedCues()
    {
        var document = Srt("First line here", "Second line here", "Third line here");
        var engine = new FakeTranslationEngine();
        var reports = new List<TranslatedBatchReport>();
        var completed = new Dictionary<int, string> { [0] = "Primera línea", [1] = "Segunda línea" };

        var result = await Translator(null, engine).TranslateAsync(
            Request(document, completed), (r, _) => { reports.Add(r); return Task.CompletedTask; }, TestContext.Current.CancellationToken);

        engine.SentIds.ShouldBe(["2"]);
        result.Document.Cues.Select(c => c.Text).ShouldBe(["Primera línea", "Segunda línea", "THIRD LINE HERE"]);
        reports.Single().CompletedCueCount.ShouldBe(3);
        reports.Single().TotalCueCount.ShouldBe(3);
        engine.Batches.Single().PrecedingContext.ShouldBe([
            new ContextLine("First line here", "Primera línea"), new ContextLine("Second line here", "Segunda línea"),
        ]);
    }

    [Fact]
    public async Task BatchesRespectTheCueBudgetAndReportRunningTotalsInFileOrder()
    {
        var document = Srt([.. Enumerable.Range(1, 45).Select(i => $"Line number {i}")]);
        var engine = new FakeTranslationEngine();
        var reports = new List<TranslatedBatchReport>();

        await Translator(new TranslationOptions { MaxCuesPerBatch = 20 }, engine).TranslateAsync(
            Request(document), (r, _) => { reports.Add(r); return Task.CompletedTask; }, TestContext.Current.CancellationToken);

        engine.Batches.Select(b => b.Segments.Count).ShouldBe([20, 20, 5]);
        reports.Select(r => r.CompletedCueCount).ShouldBe([20, 40, 45]);
        reports.ShouldAllBe(r => r.TotalCueCount == 45);
        reports[1].Cues.Keys.Order().ShouldBe(Enumerable.Range(20, 20));
        reports[1].Cues[20].ShouldBe("LINE NUMBER 21");
    }

    [Fact]
    public async Task ALongSilenceStartsANewBatch()
    {
        var document = Srt("Before the cut one", "Before the cut two", "After the cut one", "After the cut two");
        document.Cues[2].Start = TimeSpan.FromSeconds(60);
        document.Cues[2].End = TimeSpan.FromSeconds(61);
        document.Cues[3].Start = TimeSpan.FromSeconds(62);
        document.Cues[3].End = TimeSpan.FromSeconds(63);
        var engine = new FakeTranslationEngine();

        await Translator(new TranslationOptions { SceneGap = TimeSpan.FromSeconds(10), MinCuesPerBatch = 1 }, engine)
            .TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        engine.Batches.Select(b => b.Segments.Select(s => s.Id).ToList()).ShouldBe([["0", "1"], ["2", "3"]]);
    }

    [Fact]
    public async Task TheTokenBudgetSplitsBatchesOfLongLines()
    {
        var longLine = string.Join(' ', Enumerable.Repeat("verbose", 20));
        var document = Srt(longLine + " a", longLine + " b", longLine + " c");
        var engine = new FakeTranslationEngine();

        // About 110 estimated tokens a line (its text and its translation) over about 1,020 of prompt
        // and context lines: two lines fit in 1,300, three do not.
        await Translator(new TranslationOptions { MaxTokensPerBatch = 1300 }, engine)
            .TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        engine.Batches.Select(b => b.Segments.Count).ShouldBe([2, 1]);
    }

    [Fact]
    public async Task EachBatchCarriesEarlierTranslationsLaterLinesAndTheTitle()
    {
        var document = Srt([.. Enumerable.Range(1, 12).Select(i => $"<i>Line</i> number {i}")]);
        var engine = new FakeTranslationEngine();

        await Translator(new TranslationOptions { MaxCuesPerBatch = 8, PrecedingContextLines = 6, FollowingContextLines = 3 }, engine)
            .TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        var first = engine.Batches[0];
        first.PrecedingContext.ShouldBeEmpty();
        first.FollowingContext.ShouldBe(["Line number 9", "Line number 10", "Line number 11"]);
        var second = engine.Batches[1];
        second.PrecedingContext.Count.ShouldBe(6);
        second.PrecedingContext[^1].ShouldBe(new ContextLine("Line number 8", "LINE NUMBER 8"));
        second.FollowingContext.ShouldBeEmpty();
        second.Title.ShouldBe("Test Show");
    }

    [Fact]
    public async Task ADroppedIdIsReaskedWithTheErrorsAndNothingShifts()
    {
        var document = Srt("One line here", "Two lines here", "Three lines here");
        var engine = new FakeTranslationEngine { Tamper = (_, reply, call) => call == 1 ? reply.Where(s => s.Id != "1").ToList() : reply };

        var result = await Translator(null, engine).TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        engine.Batches.Count.ShouldBe(2);
        engine.Batches[1].PreviousErrors!.ShouldContain(e => e.Contains("id 1") && e.Contains("missing"));
        result.Document.Cues.Select(c => c.Text).ShouldBe(["ONE LINE HERE", "TWO LINES HERE", "THREE LINES HERE"]);
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task MergedLinesThatShiftTheRestAreRefusedAndReasked()
    {
        var document = Srt("I never said", "that you were wrong.", "Let us go home.");
        var engine = new FakeTranslationEngine
        {
            // Lines 0 and 1 merged into id 0, line 2's text moved up into id 1, id 2 missing.
            Tamper = (_, r, call) => call == 1
                ? [new("0", r[0].Text + " " + r[1].Text), new("1", r[2].Text)]
                : r,
        };

        var result = await Translator(null, engine).TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        result.Document.Cues.Select(c => c.Text).ShouldBe(["I NEVER SAID", "THAT YOU WERE WRONG.", "LET US GO HOME."]);
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task ACueThatAlwaysComesBackBrokenKeepsItsSourceWithAWarningAndTheOthersAreTranslated()
    {
        var document = Srt([.. Enumerable.Range(0, 8).Select(i => $"<i>Cue</i> number {i}")]);
        var engine = new FakeTranslationEngine
        {
            Tamper = (_, r, _) => [.. r.Select(s => s.Id == "5" ? s with { Text = s.Text.Replace("⟦2⟧", "", StringComparison.Ordinal) } : s)],
        };

        var result = await Translator(null, engine).TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        result.Document.Cues.Count.ShouldBe(8);
        result.Document.Cues[5].Text.ShouldBe("<i>Cue</i> number 5");
        result.Document.Cues.Where((_, i) => i != 5).ShouldAllBe(c => c.Text.StartsWith("<i>CUE</i> NUMBER", StringComparison.Ordinal));
        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.CueIndex.ShouldBe(5);
        warning.Code.ShouldBe("kept_source");
        warning.Message.ShouldContain("⟦2⟧");
    }

    [Fact]
    public async Task CuesThatKeptTheirSourceAreNotCheckpointedSoAResumeRetriesThem()
    {
        var document = Srt("Good line one", "Bad line two", "Good line three");
        var engine = new FakeTranslationEngine { Tamper = (_, r, _) => [.. r.Where(s => s.Id != "1")] };
        var reports = new List<TranslatedBatchReport>();

        await Translator(null, engine).TranslateAsync(
            Request(document), (r, _) => { reports.Add(r); return Task.CompletedTask; }, TestContext.Current.CancellationToken);

        reports.Single().Cues.Keys.Order().ShouldBe([0, 2]);
        reports.Single().CompletedCueCount.ShouldBe(3);
    }

    [Fact]
    public async Task ADuplicatedIdIsRefused()
    {
        var document = Srt("Alpha line text", "Beta line text");
        var engine = new FakeTranslationEngine { Tamper = (_, r, call) => call == 1 ? [r[0], r[0], r[1]] : r };

        var result = await Translator(null, engine).TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        engine.Batches[1].PreviousErrors!.ShouldContain(e => e.Contains("answered 2 times"));
        result.Document.Cues.Select(c => c.Text).ShouldBe(["ALPHA LINE TEXT", "BETA LINE TEXT"]);
    }

    [Fact]
    public async Task AnEngineThatEchoesTheSourceLeavesEveryCueWarnedAndNoneLost()
    {
        var document = Srt("We have to leave now", "Where are my keys", "Michael!", "New York City", "3:10 to Yuma");
        var engine = new FakeTranslationEngine { Tamper = (b, _, _) => [.. b.Segments.Select(s => new TranslatedSegment(s.Id, s.Text))] };

        var result = await Translator(null, engine).TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        result.Document.Cues.Select(c => c.Text).ShouldBe(["We have to leave now", "Where are my keys", "Michael!", "New York City", "3:10 to Yuma"]);
        result.Warnings.Select(w => w.CueIndex).ShouldBe([0, 1, 4]);
        result.Warnings.ShouldAllBe(w => w.Message.Contains("untranslated"));
    }

    [Fact]
    public async Task AHopelessBatchCostsAtMostTwoRequestsPerCue()
    {
        var document = Srt([.. Enumerable.Range(0, 16).Select(i => $"Hopeless line number {i}")]);
        var engine = new FakeTranslationEngine { Tamper = (_, _, _) => [] };

        // Recovery alone: the whole-job failure rate and the ceiling (JobBudgetTests) would stop this engine after 8 or 10 requests.
        var result = await Translator(new TranslationOptions { FailureRateMinRequests = 0, BudgetCeilingFactor = 0 }, engine)
            .TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        result.Warnings.Count.ShouldBe(16);
        engine.Batches.Count.ShouldBeLessThanOrEqualTo(2 * 16);
        engine.Batches.Count(b => b.Segments.Count == 1).ShouldBe(16);
    }

    [Fact]
    public async Task EmptyAndAbsurdlyLongRepliesAreRefused()
    {
        var document = Srt("Short line", "Another short line");
        var engine = new FakeTranslationEngine
        {
            Tamper = (_, r, call) => call == 1 ? [r[0] with { Text = " " }, r[1] with { Text = new string('x', 200) }] : r,
        };

        var result = await Translator(null, engine).TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        engine.Batches[1].PreviousErrors!.ShouldContain(e => e.StartsWith("id 0") && e.Contains("empty"));
        engine.Batches[1].PreviousErrors!.ShouldContain(e => e.StartsWith("id 1") && e.Contains("longer"));
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task ARawLineBreakInAReplyCannotSplitAnAssEvent()
    {
        var document = Ass(("Keep this on one line", false));
        var engine = new FakeTranslationEngine { Tamper = (_, r, _) => [r[0] with { Text = "KEEP THIS\nON ONE LINE" }] };

        var result = await Translator(null, engine).TranslateAsync(Request(document), Ignore, TestContext.Current.CancellationToken);

        result.Document.Cues[0].Text.ShouldBe("KEEP THIS ON ONE LINE");
    }

    [Fact]
    public async Task TheSameTextIsAcceptedWhenSourceAndTargetLanguagesAreEqual()
    {
        var document = Srt("Already in English here");
        var engine = new FakeTranslationEngine { Tamper = (b, _, _) => [new(b.Segments[0].Id, b.Segments[0].Text)] };

        var result = await Translator(null, engine).TranslateAsync(
            Request(document, source: "eng", target: "en"), Ignore, TestContext.Current.CancellationToken);

        result.Warnings.ShouldBeEmpty();
        engine.Batches.Single().SourceLanguage.ShouldBe("en");
    }
}
