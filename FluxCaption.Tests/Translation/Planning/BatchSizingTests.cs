using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Engines;

namespace FluxCaption.Tests.Translation.Planning;

public class BatchSizingTests
{
    private static readonly string[] ShortLines =
        ["Oui.", "Non !", "Attends.", "Quoi ?", "Viens ici.", "Tu es sûr ?", "Allez, vite !", "Je sais.", "Merci.", "Pourquoi ?"];

    /// <summary>
    /// A dense film: short distinct lines 0.3-1.8 s apart, a scene gap (20-40 s) every 12 to 60 lines.
    /// </summary>
    private static SubtitleDocument DenseFilm(int cues, int seed = 7)
    {
        var random = new Random(seed);
        var document = new SubtitleDocument { Format = SubtitleFormat.Srt };
        var at = TimeSpan.Zero;
        var sceneLeft = random.Next(12, 61);
        for (var i = 0; i < cues; i++)
        {
            if (sceneLeft-- == 0)
            {
                at += TimeSpan.FromSeconds(random.Next(20, 41));
                sceneLeft = random.Next(12, 61);
            }

            var start = at;
            at += TimeSpan.FromSeconds(1.2);
            document.Cues.Add(new SubtitleCue { Start = start, End = at, Text = $"{ShortLines[i % ShortLines.Length]} ({i})" });
            at += TimeSpan.FromSeconds(0.3 + (random.NextDouble() * 1.5));
        }

        return document;
    }

    /// <summary>Cues at the given start seconds, each 1 s long, each its own text.</summary>
    private static SubtitleDocument At(params double[] starts) => new()
    {
        Format = SubtitleFormat.Srt,
        Cues = [.. starts.Select((s, i) => new SubtitleCue
        {
            Start = TimeSpan.FromSeconds(s),
            End = TimeSpan.FromSeconds(s + 1),
            Text = $"Line number {i} of the scene.",
        })],
    };

    /// <summary>Lines of about 100 characters (25 estimated tokens), 2 s apart.</summary>
    private static SubtitleDocument LongLines(int count) => TestDocuments.Srt(
        [.. Enumerable.Range(0, count).Select(i => $"This is a long and winding line of dialogue that goes on for quite a while before it ends, number {i}.")]);

    private static List<int> Sizes(IEnumerable<IReadOnlyList<TranslationUnit>> batches) => [.. batches.Select(b => b.Count)];

    [Fact]
    public void ADenseFilmOfShortLinesTakesAtMostFiftyRequestsPerThousandCues()
    {
        var plan = TranslationPlanner.Plan(DenseFilm(1000), new Dictionary<int, string>(), new TranslationOptions());

        plan.Batches.Count.ShouldBeLessThanOrEqualTo(50);
        plan.Batches.SelectMany(b => b).Select(u => u.CueIndex).ShouldBe(Enumerable.Range(0, 1000));
        plan.Batches.ShouldAllBe(b => b.Count <= new TranslationOptions().MaxCuesPerBatch);
    }

    [Fact]
    public void LongLinesKeepEveryRequestWithinTheTokenBudget()
    {
        var document = LongLines(120);
        var options = new TranslationOptions { MaxTokensPerBatch = 2000 };

        var plan = TranslationPlanner.Plan(document, new Dictionary<int, string>(), options);

        // Independent of the planner's estimate: source characters / 4, sent once, answered once at
        // the same length, plus the system prompt; the estimate is at least this, so this must fit.
        plan.Batches.ShouldAllBe(b => b.Sum(u => u.Protected.Text.Length / 4) * 2 + 200 <= options.MaxTokensPerBatch);
        plan.Batches.Count.ShouldBeGreaterThan(120 / options.MaxCuesPerBatch + 1);
        plan.Batches.SkipLast(1).ShouldAllBe(b => b.Count > 1);
    }

    [Fact]
    public void AProofreadingPlanLeavesRoomForTheDraftsInEachRequest()
    {
        var document = LongLines(120);
        var options = new TranslationOptions { MaxTokensPerBatch = 2000 };

        var translating = TranslationPlanner.Plan(document, new Dictionary<int, string>(), options);
        var proofreading = TranslationPlanner.Plan(document, new Dictionary<int, string>(), options, withDrafts: true);

        // A proofread line is sent twice (source and draft) and answered once: about 3/2 of a translated one.
        proofreading.Batches.Count.ShouldBeGreaterThan(translating.Batches.Count * 5 / 4);
        proofreading.Batches.SelectMany(b => b).Count().ShouldBe(120);
    }

    [Fact]
    public void ASceneGapEndsABatchThatHasItsMinimumRatherThanFillingIt()
    {
        // Seven lines, a 30 s gap, twelve lines.
        var document = At([.. Enumerable.Range(0, 7).Select(i => i * 2.0), .. Enumerable.Range(0, 12).Select(i => 50 + (i * 2.0))]);
        var options = new TranslationOptions { MaxCuesPerBatch = 10, MinCuesPerBatch = 4 };

        var plan = TranslationPlanner.Plan(document, new Dictionary<int, string>(), options);

        Sizes(plan.Batches).ShouldBe([7, 10, 2]);
    }

    [Fact]
    public void AFullBatchIsCutAtTheLongestPauseNearItsEnd()
    {
        // Lines 2 s apart with a 6 s pause (a beat, not a scene gap) before line 8.
        var document = At([.. Enumerable.Range(0, 20).Select(i => (i * 2.0) + (i >= 8 ? 4 : 0))]);
        var options = new TranslationOptions { MaxCuesPerBatch = 10, MinCuesPerBatch = 4 };

        var plan = TranslationPlanner.Plan(document, new Dictionary<int, string>(), options);

        Sizes(plan.Batches).ShouldBe([8, 10, 2]);
    }

    [Fact]
    public void AShortSceneJoinsTheNextOneInsteadOfPayingARequest()
    {
        // Three lines, a 30 s gap, five lines: below the minimum, the first scene is not sent alone.
        var document = At(0, 2, 4, 40, 42, 44, 46, 48);
        var options = new TranslationOptions { MaxCuesPerBatch = 10, MinCuesPerBatch = 4 };

        var plan = TranslationPlanner.Plan(document, new Dictionary<int, string>(), options);

        Sizes(plan.Batches).ShouldBe([8]);
    }

    [Fact]
    public void TheLastWaveGivesEverySlotAShareInsteadOfLeavingThreeIdle()
    {
        // 9 full batches of 40 for 4 slots: alone, the ninth would run while three slots wait.
        var document = TestDocuments.Srt([.. Enumerable.Range(0, 360).Select(i => $"Line number {i} of the film.")]);
        var options = new TranslationOptions { MaxCuesPerBatch = 40 };
        var plan = TranslationPlanner.Plan(document, new Dictionary<int, string>(), options);
        Sizes(plan.Batches).ShouldBe([.. Enumerable.Repeat(40, 9)]);

        var packed = BatchPacker.Pack(plan.Batches, options, slots: 4);

        Sizes(packed).ShouldBe([.. Enumerable.Repeat(40, 8), 10, 10, 10, 10]);
        packed.SelectMany(b => b).Select(u => u.CueIndex).ShouldBe(Enumerable.Range(0, 360));
    }

    [Fact]
    public void AWholeFileSmallerThanAWaveIsSpreadOverTheSlots()
    {
        var document = TestDocuments.Srt([.. Enumerable.Range(0, 45).Select(i => $"Line number {i} of the film.")]);
        var options = new TranslationOptions { MaxCuesPerBatch = 20, MinCuesPerBatch = 4 };

        var packed = BatchPacker.Pack(TranslationPlanner.Plan(document, new Dictionary<int, string>(), options).Batches, options, slots: 4);

        Sizes(packed).ShouldBe([12, 11, 11, 11], ignoreOrder: true);
    }

    [Fact]
    public void ALastWaveTooSmallToShareIsNotCutIntoTinyRequests()
    {
        var document = TestDocuments.Srt([.. Enumerable.Range(0, 10).Select(i => $"Line number {i} of the film.")]);
        var options = new TranslationOptions();

        var packed = BatchPacker.Pack(TranslationPlanner.Plan(document, new Dictionary<int, string>(), options).Batches, options, slots: 4);

        Sizes(packed).ShouldBe([10]);
    }

    [Fact]
    public void BatchesThinnedByMemoryAreCutAgainAsOne()
    {
        var document = TestDocuments.Srt([.. Enumerable.Range(0, 40).Select(i => $"Line number {i} of the film.")]);
        var options = new TranslationOptions { MaxCuesPerBatch = 10, MinCuesPerBatch = 4 };
        var plan = TranslationPlanner.Plan(document, new Dictionary<int, string>(), options);
        var thinned = plan.Batches.Select(b => (IReadOnlyList<TranslationUnit>)[.. b.Where(u => u.CueIndex % 2 == 0)]).ToList();

        var packed = BatchPacker.Pack(thinned, options, slots: 1);

        Sizes(packed).ShouldBe([10, 10]);
    }
}
