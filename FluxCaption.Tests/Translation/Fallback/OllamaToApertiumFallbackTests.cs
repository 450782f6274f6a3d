using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Apertium;
using FluxCaption.Core.Translation.Engines;
using FluxCaption.Tests.TestServers;
using FluxCaption.Tests.Translation.Apertium;
using FluxCaption.Tests.Translation.Ollama;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Tests.Translation.Fallback;

/// <summary>The real Ollama engine against a scripted server that keeps failing, with the machine's Apertium behind it.</summary>
public class OllamaToApertiumFallbackTests
{
    [Fact]
    public async Task AnOllamaServerThatKeepsAnswering500HandsTheFileToApertiumWithCuesTimingsAndTagsKept()
    {
        var token = TestContext.Current.CancellationToken;
        await using var ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: token);
        ollama.DefaultBehaviour = OllamaBehaviour.ServerError;
        await using var services = OllamaTestServices.Build(ollama, new Dictionary<string, string?> { ["Ollama:MaxRetryAttempts"] = "1" });
        var translator = new SubtitleTranslator(
            [.. services.GetServices<ITranslationEngine>(), ApertiumEngineFactory.Create()],
            Microsoft.Extensions.Options.Options.Create(new TranslationOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SubtitleTranslator>.Instance);
        var document = new SubtitleDocument
        {
            Format = SubtitleFormat.Srt,
            Cues =
            [
                new SubtitleCue { Identifier = "1", Start = TimeSpan.FromSeconds(1), End = TimeSpan.FromSeconds(3), Text = "The dog is <i>big</i>." },
                new SubtitleCue { Identifier = "2", Start = TimeSpan.FromSeconds(4), End = TimeSpan.FromSeconds(6), Text = "The house is red." },
            ],
        };

        var result = await translator.TranslateAsync(
            new SubtitleTranslationRequest(document, "en", "es", "ollama", null, new Dictionary<int, string>())
            {
                Fallback = [new EngineChoice(ApertiumTranslationEngine.EngineName)],
            },
            (_, _) => Task.CompletedTask,
            token);

        result.Document.Cues.Select(c => c.Text).ShouldBe(["El perro es <i>grande</i>.", "La casa es roja."]);
        result.Document.Cues.Select(c => (c.Start, c.End)).ShouldBe(document.Cues.Select(c => (c.Start, c.End)));
        result.Warnings.Select(w => (w.CueIndex, w.Code)).ShouldBe([(0, "fallback_engine"), (1, "fallback_engine")]);
        result.Warnings.ShouldAllBe(w => w.Message.StartsWith("Translated by apertium after ollama failed:", StringComparison.Ordinal));
        result.Warnings.ShouldAllBe(w => w.Engine == "apertium");
        ollama.ChatRequests.Count.ShouldBe(2, "one attempt and its one retry, then Ollama is ruled out");
    }
}
