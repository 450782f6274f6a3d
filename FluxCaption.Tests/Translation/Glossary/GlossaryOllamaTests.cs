using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Glossary;
using FluxCaption.Tests.TestServers;
using FluxCaption.Tests.Translation.Memory;
using FluxCaption.Tests.Translation.Ollama;
using Microsoft.Extensions.DependencyInjection;
using static FluxCaption.Tests.Translation.TestDocuments;

namespace FluxCaption.Tests.Translation.Glossary;

public class GlossaryOllamaTests
{
    private static readonly Func<TranslatedBatchReport, CancellationToken, Task> Ignore = (_, _) => Task.CompletedTask;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string UserMessage(RecordedOllamaRequest request) =>
        (string)request.Json!["messages"]!.AsArray().Last()!["content"]!;

    [Fact]
    public async Task TheTermsOfABatchReachThePromptAndAReplyWithoutThemIsAskedAgainThenKeptWithAWarning()
    {
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: Token);
        await using var engines = OllamaTestServices.Build(ollama);
        var translator = MemoryTranslators.With(null, engines.GetServices<ITranslationEngine>());
        var request = Request(Srt("Frodo left the <i>Shire</i>.", "Nobody saw him go."), engine: "ollama") with
        {
            Glossary = [new GlossaryTerm("Shire", "Comarca"), new GlossaryTerm("Mordor", "Mordor")],
        };

        var result = await translator.TranslateAsync(request, Ignore, Token);

        // The scripted model only prefixes "[es] ", so it never writes "Comarca": one re-ask for that line, then kept.
        ollama.ChatRequests.Count.ShouldBe(2);
        var first = UserMessage(ollama.ChatRequests[0]);
        first.ShouldContain("- Shire => Comarca");
        first.ShouldNotContain("Mordor");
        var second = UserMessage(ollama.ChatRequests[1]);
        second.ShouldContain("id 1: glossary: \"Shire\" must be translated as \"Comarca\"");
        second.ShouldEndWith("{\"1\":\"Frodo left the ⟦1⟧Shire⟦2⟧.\"}");
        result.Document.Cues.Select(c => c.Text).ShouldBe(["[es] Frodo left the <i>Shire</i>.", "[es] Nobody saw him go."]);
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.CueIndex, warning.Code).ShouldBe((0, "glossary_term_missing"));
    }
}
