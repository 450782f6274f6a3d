using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Memory;
using FluxCaption.Tests.Infrastructure;
using FluxCaption.Tests.TestServers;
using FluxCaption.Tests.Translation.Ollama;
using FluxCaption.Tests.Translation.Recovery;
using Microsoft.Extensions.DependencyInjection;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation.Memory;

/// <summary>Lines kept in the source language, remembered in the database memory: Ollama over HTTP, translator, PostgreSQL.</summary>
public sealed class KeptSourceMemoryTests(PostgresServer postgres)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TranslatingAFileWithKeptLinesAgainSendsNoRequestAndCarriesTheSameWarnings()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        ollama.KeepUntranslated("Ça va?");
        ollama.KeepUntranslated("On y va?");
        await using var engines = OllamaTestServices.Build(ollama);
        await using var data = await PostgresMemoryServices.BuildAsync(postgres);
        var translator = MemoryTranslators.With(data.GetRequiredService<ITranslationMemory>(), engines.GetServices<ITranslationEngine>(), options: new TranslationOptions { MaxParallelBatches = 1 });
        var lines = PartialReplyRecoveryTests.Scene((4, "On y va?"), (15, "Ça va?"));
        var request = Request(Srt(lines), engine: "ollama", source: "fr");

        var first = await translator.TranslateAsync(request, (_, _) => Task.CompletedTask, Token);
        var sentFirst = ollama.ChatRequests.Select(r => r.SegmentTexts.Count).ToList();
        var reports = new List<TranslatedBatchReport>();
        var second = await translator.TranslateAsync(request, (r, _) => { reports.Add(r); return Task.CompletedTask; }, Token);

        // The batch, both refused lines together, then each alone once more.
        sentFirst.ShouldBe([20, 2, 1, 1]);
        ollama.ChatRequests.Count.ShouldBe(4);
        second.Document.Cues.Select(c => c.Text).ShouldBe(first.Document.Cues.Select(c => c.Text));
        second.Document.Cues[15].Text.ShouldBe("Ça va?");
        second.Warnings.Select(w => (w.CueIndex, w.Code)).ShouldBe([(4, "kept_source"), (15, "kept_source")]);
        second.Warnings.Select(w => (w.CueIndex, w.Code)).ShouldBe(first.Warnings.Select(w => (w.CueIndex, w.Code)));
        var report = reports.ShouldHaveSingleItem();
        (report.CompletedCueCount, report.TotalCueCount, report.Cues.Count).ShouldBe((20, 20, 18));
        report.Warnings.Select(w => w.CueIndex).Order().ShouldBe([4, 15]);
        var kept = (await data.EntriesAsync()).Where(e => e.KeptReason is not null).ToList();
        kept.Select(e => (e.SourceText, e.TargetText, e.KeptReason)).ShouldBe([
            ("Ça va?", "Ça va?", "the line came back untranslated"), ("On y va?", "On y va?", "the line came back untranslated"),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task RetranslatingKeptLinesSendsOnlyThemAndTheNewTranslationReplacesTheKeptDecision()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        ollama.KeepUntranslated("Ça va?", times: 2);
        await using var engines = OllamaTestServices.Build(ollama);
        await using var data = await PostgresMemoryServices.BuildAsync(postgres);
        var translator = MemoryTranslators.With(data.GetRequiredService<ITranslationMemory>(), engines.GetServices<ITranslationEngine>(), options: new TranslationOptions { MaxParallelBatches = 1 });
        var lines = PartialReplyRecoveryTests.Scene((15, "Ça va?"));
        var request = Request(Srt(lines), engine: "ollama", source: "fr");
        var first = await translator.TranslateAsync(request, (_, _) => Task.CompletedTask, Token);
        first.Warnings.Select(w => (w.CueIndex, w.Code)).ShouldBe([(15, "kept_source")]);
        var requestsBefore = ollama.ChatRequests.Count;

        var retried = await translator.TranslateAsync(request with { RetranslateKept = true }, (_, _) => Task.CompletedTask, Token);
        var third = await translator.TranslateAsync(request, (_, _) => Task.CompletedTask, Token);

        ollama.ChatRequests.Skip(requestsBefore).Select(r => r.SegmentTexts).ShouldBe([["Ça va?"]]);
        retried.Document.Cues.Select(c => c.Text).ShouldBe(lines.Select(l => "[es] " + l));
        retried.Warnings.ShouldBeEmpty();
        third.Document.Cues[15].Text.ShouldBe("[es] Ça va?");
        third.Warnings.ShouldBeEmpty();
        (await data.EntriesAsync()).ShouldAllBe(e => e.KeptReason == null);
    }
}
