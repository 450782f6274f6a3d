using FluxCaption.Core.Translation;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation.Fallback;

public class BatchPackerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Scenes of the given sizes, a minute apart, each line its own text.</summary>
    private static Core.Subtitles.SubtitleDocument Scenes(params int[] sizes)
    {
        var texts = sizes.SelectMany((size, scene) => Enumerable.Range(1, size).Select(line => $"Scene {scene} line {line} says something.")).ToArray();
        var document = Srt(texts);
        var cue = 0;
        for (var scene = 0; scene < sizes.Length; scene++)
        {
            for (var line = 0; line < sizes[scene]; line++, cue++)
            {
                document.Cues[cue].Start = TimeSpan.FromMinutes(scene) + TimeSpan.FromSeconds(line * 2);
                document.Cues[cue].End = document.Cues[cue].Start + TimeSpan.FromSeconds(1.5);
            }
        }

        return document;
    }

    [Fact]
    public async Task ShortScenesShareARequestAndEveryCutStillFallsBetweenScenes()
    {
        var engine = new FakeTranslationEngine();
        var options = new TranslationOptions { MinCuesPerBatch = 4, MaxCuesPerBatch = 10 };

        var result = await Translator(options, engine).TranslateAsync(Request(Scenes(2, 1, 3, 6, 2)), (_, _) => Task.CompletedTask, Token);

        // 2+1+3 = 6 lines reach the minimum; the 6-line scene stands alone and takes the last short one.
        engine.Batches.Select(b => b.Segments.Count).ShouldBe([6, 8]);
        result.Document.Cues.ShouldAllBe(c => c.Text == c.Text.ToUpperInvariant());
    }

    [Fact]
    public async Task PackingNeverExceedsTheCueBudget()
    {
        var engine = new FakeTranslationEngine();
        var options = new TranslationOptions { MinCuesPerBatch = 8, MaxCuesPerBatch = 5 };

        await Translator(options, engine).TranslateAsync(Request(Scenes(3, 3, 2)), (_, _) => Task.CompletedTask, Token);

        engine.Batches.Select(b => b.Segments.Count).ShouldBe([3, 5]);
    }

    [Fact]
    public async Task AMinimumOfOneSendsEveryScene()
    {
        var engine = new FakeTranslationEngine();

        await Translator(new TranslationOptions { MinCuesPerBatch = 1 }, engine).TranslateAsync(Request(Scenes(1, 1, 1)), (_, _) => Task.CompletedTask, Token);

        engine.Batches.Count.ShouldBe(3);
    }
}
