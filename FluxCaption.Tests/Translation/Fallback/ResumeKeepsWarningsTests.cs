using FluxCaption.Core.Jobs;
using FluxCaption.Core.Translation;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation.Fallback;

/// <summary>
/// A job stopped after a batch whose lines were kept in the source language: the checkpoint holds the
/// warning, and the resumed attempt neither sends those lines again nor loses the warning.
/// </summary>
public class ResumeKeepsWarningsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AJobStoppedAfterAKeptSourceBatchResumesWithoutResendingItAndEndsWithTheWarning()
    {
        var document = Srt("Untranslatable riddle one.", "Untranslatable riddle two.", "After the cut, a plain line.", "And another plain line.");
        for (var i = 2; i < 4; i++)
        {
            document.Cues[i].Start += TimeSpan.FromMinutes(3);
            document.Cues[i].End += TimeSpan.FromMinutes(3);
        }

        var options = new TranslationOptions { MinCuesPerBatch = 1, MaxParallelBatches = 1, GiveUpAfterFailedBatches = 0 };

        // First attempt: the engine answers the first scene untranslated, then the worker dies while the
        // second scene is in flight. What the handler would have checkpointed is kept between attempts.
        var firstEngine = new FakeTranslationEngine
        {
            Tamper = (batch, honest, _) => batch.Segments.All(s => s.Id is "0" or "1")
                ? [.. batch.Segments.Select(s => new TranslatedSegment(s.Id, s.Text))]
                : throw new OperationCanceledException("worker killed"),
        };
        var cues = new Dictionary<int, string>();
        var warnings = new List<TranslationWarning>();
        await Should.ThrowAsync<OperationCanceledException>(() => Translator(options, firstEngine).TranslateAsync(Request(document), (report, _) =>
        {
            foreach (var (index, text) in report.Cues)
            {
                cues[index] = text;
            }

            warnings.AddRange(report.Warnings);
            return Task.CompletedTask;
        }, Token));
        var checkpoint = JobCheckpoint.Read(JobCheckpoint.Write(cues, warnings));
        checkpoint.KeptSourceCues.Order().ShouldBe([0, 1]);

        var secondEngine = new FakeTranslationEngine();
        var request = Request(document, checkpoint.Cues) with
        {
            KeptSourceCues = checkpoint.KeptSourceCues,
            EarlierWarnings = checkpoint.Warnings,
        };
        var result = await Translator(options, secondEngine).TranslateAsync(request, (_, _) => Task.CompletedTask, Token);

        secondEngine.SentIds.ShouldBe(["2", "3"]);
        result.Document.Cues.Select(c => c.Text).ShouldBe(
            ["Untranslatable riddle one.", "Untranslatable riddle two.", "AFTER THE CUT, A PLAIN LINE.", "AND ANOTHER PLAIN LINE."]);
        result.Warnings.Select(w => (w.CueIndex, w.Code)).ShouldBe([(0, "kept_source"), (1, "kept_source")]);
        result.Warnings.ShouldAllBe(w => w.Message.Contains("untranslated"));
    }

    [Fact]
    public async Task KeptLinesAreNotOfferedAsContextForTheLinesAfterThem()
    {
        var document = Srt("Kept line from before.", "A new line to translate.");
        var engine = new FakeTranslationEngine();
        var request = Request(document) with
        {
            KeptSourceCues = new HashSet<int> { 0 },
            EarlierWarnings = [new TranslationWarning(0, "kept_source", "Kept the source text: id 0: the line came back untranslated.")],
        };

        await Translator(null, engine).TranslateAsync(request, (_, _) => Task.CompletedTask, Token);

        engine.Batches.ShouldHaveSingleItem().PrecedingContext.ShouldBeEmpty();
    }

    [Fact]
    public void ACheckpointWrittenBeforeWarningsWereKeptStillReadsItsCues()
    {
        var checkpoint = JobCheckpoint.Read("{\"cues\":{\"0\":\"Hola\",\"2\":\"Adiós\"}}");

        checkpoint.Cues.ShouldBe(new Dictionary<int, string> { [0] = "Hola", [2] = "Adiós" });
        checkpoint.Warnings.ShouldBeEmpty();
        checkpoint.KeptSourceCues.ShouldBeEmpty();
    }
}
