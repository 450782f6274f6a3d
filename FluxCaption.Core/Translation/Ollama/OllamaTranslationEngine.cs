using FluxCaption.Core.Languages;
using FluxCaption.Core.Translation.Engines;
using FluxCaption.Core.Translation.Limits;
using FluxCaption.Core.Translation.OpenAi;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OllamaSharp;
using OllamaSharp.Models;

namespace FluxCaption.Core.Translation.Ollama;

/// <summary>
/// Translates a batch with one chat request to Ollama through <see cref="IChatClient"/> (OllamaSharp),
/// asking for a JSON object of id to text under a schema. HTTP failures, timeouts and 429s are the
/// "ollama" HttpClient's resilience pipeline's business; what still fails after it propagates.
/// Parallel requests and the request rate are held by an <see cref="EngineRequestLimiter"/>.
/// </summary>
public sealed partial class OllamaTranslationEngine(
    IHttpClientFactory httpClientFactory,
    IOptions<OllamaEngineOptions> options,
    ILogger<OllamaTranslationEngine> logger,
    IEngineClusterGate? clusterGate = null,
    OllamaDefaultModel? defaultModel = null) : IParallelTranslationEngine, IDisposable
{
    public const string EngineName = "ollama";

    /// <summary>The named HttpClient (base address = endpoint, resilience pipeline attached).</summary>
    public const string HttpClientName = "ollama";

    private readonly OllamaEngineOptions _options = options.Value;
    private readonly EngineRequestLimiter _limiter = new(options.Value.MaxParallelRequests, options.Value.RequestsPerMinute, EngineName, clusterGate);

    public string Name => EngineName;

    public bool CanProofread => true;

    public int MaxParallelRequests => _options.MaxParallelRequests;

    /// <summary>The model chosen in the settings when one is, else the configured one (last known; see <see cref="OllamaDefaultModel"/>).</summary>
    public string? DefaultModel => defaultModel?.Current ?? _options.Model;

    public bool UsesTokens => true;

    /// <summary>An LLM takes any pair it is asked for; whether the model is any good at it is the user's call.</summary>
    public bool Supports(string sourceLanguage, string targetLanguage) =>
        !string.IsNullOrWhiteSpace(sourceLanguage) && !string.IsNullOrWhiteSpace(targetLanguage);

    public async Task<IReadOnlyList<TranslatedSegment>> TranslateAsync(TranslationBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var keys = new ReplyKeys(batch.Segments);
        var model = !string.IsNullOrWhiteSpace(batch.Model) ? batch.Model.Trim()
            : defaultModel is not null ? await defaultModel.GetAsync(cancellationToken)
            : _options.Model;
        using var ollama = new OllamaApiClient(httpClientFactory.CreateClient(HttpClientName), model);
        IChatClient chat = ollama;

        var chatOptions = new ChatOptions
        {
            ModelId = model,
            Temperature = (float)_options.Temperature,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(OllamaPrompt.Schema(batch, keys), "subtitle_translations"),
        };
        if (_options.DisableThinking)
        {
            chatOptions.AddOllamaOption(OllamaOption.Think, false);
        }

        ChatResponse response;
        using (await _limiter.AcquireAsync(cancellationToken))
        {
            response = await chat.GetResponseAsync(OllamaPrompt.Messages(batch, keys), chatOptions, cancellationToken);
        }

        TranslationTelemetry.RecordUsage(EngineName, model, response.Usage);

        var segments = keys.ToSegments(OllamaReplyParser.Parse(response.Text));
        if (segments.Count < batch.Segments.Count)
        {
            LogShortReply(model, segments.Count, batch.Segments.Count, LanguageCodes.DisplayName(batch.TargetLanguage), response.Text.Length);
        }

        return segments;
    }

    public void Dispose() => _limiter.Dispose();

    [LoggerMessage(LogLevel.Warning, "Ollama model {Model} answered {ParsedCount} of {SegmentCount} segments ({TargetLanguage}, reply of {ReplyLength} characters)")]
    private partial void LogShortReply(string model, int parsedCount, int segmentCount, string targetLanguage, int replyLength);
}
