using System.Collections.Concurrent;
using FluxCaption.Core.Languages;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Subtitles.Protection;
using FluxCaption.Core.Translation.Ollama;
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace FluxCaption.Benchmarks;

/// <summary>
/// The original FluxCaption strategy, reduced to what costs model time: every cue with text is sent
/// on its own, as plain text (tags stripped), with no context, then its translation is sent again to
/// be proofread. Cues run <c>parallelism</c> at a time, each cue's two requests one after the other.
/// It goes through the same named HttpClient (and resilience pipeline) as FluxCaption's engine.
/// </summary>
public sealed class PerCueBaseline(IHttpClientFactory httpClientFactory, string model)
{
    public async Task<IReadOnlyDictionary<int, string>> TranslateAsync(
        SubtitleDocument document,
        string sourceLanguage,
        string targetLanguage,
        int parallelism,
        CancellationToken cancellationToken)
    {
        var source = LanguageCodes.DisplayName(sourceLanguage);
        var target = LanguageCodes.DisplayName(targetLanguage);
        var translations = new ConcurrentDictionary<int, string>();
        var cues = Enumerable.Range(0, document.Cues.Count)
            .Select(i => (Index: i, Text: SubtitleMarkupProtector.PlainText(document.Cues[i].Text, document.Format).Trim()))
            .Where(c => c.Text.Length > 0);

        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(cues, options, async (cue, token) =>
        {
            using var ollama = new OllamaApiClient(httpClientFactory.CreateClient(OllamaTranslationEngine.HttpClientName), model);
            IChatClient chat = ollama;

            var translated = await AskAsync(
                chat,
                $"You are a professional translator. Translate the following subtitle text from {source} to {target}. Output only the translation, nothing else.",
                $"Translate this subtitle:{ScriptedModel.TextSeparator}{cue.Text}",
                token);
            var proofread = await AskAsync(
                chat,
                $"{ScriptedModel.ProofreadMarker} the following {target} subtitle translation for accuracy and fluency. Output only the corrected translation, nothing else.",
                $"Original ({source}): {OneLine(cue.Text)}{ScriptedModel.TextSeparator}{translated}",
                token);
            translations[cue.Index] = proofread;
        });

        return translations;
    }

    private static async Task<string> AskAsync(IChatClient chat, string system, string user, CancellationToken cancellationToken)
    {
        var response = await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)],
            new ChatOptions { Temperature = 0.3f },
            cancellationToken);
        return response.Text.Trim();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
