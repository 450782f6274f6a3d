using FluxCaption.Core.Languages;
using FluxCaption.Core.Translation.Engines;
using FluxCaption.Core.Translation.Limits;
using FluxCaption.Core.Translation.Ollama;
using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using ChatCompletionOptions = OpenAI.Chat.ChatCompletionOptions;

namespace FluxCaption.Core.Translation.OpenAi;

/// <summary>
/// Translates a batch with one chat completion on any OpenAI-compatible endpoint, through
/// <see cref="IChatClient"/> (Microsoft.Extensions.AI.OpenAI). The request is the Ollama engine's
/// (same prompt, same tolerant reply parser) with the schema sent as response_format json_schema.
/// Timeouts, retries and Retry-After belong to the "openai" HttpClient's pipeline; parallel requests
/// and the request rate are held by this engine's <see cref="EngineRequestLimiter"/>.
/// </summary>
public sealed partial class OpenAiCompatibleTranslationEngine : IParallelTranslationEngine, IDisposable
{
    public const string EngineName = "openai";

    /// <summary>The named HttpClient (resilience pipeline attached, no timeout of its own).</summary>
    public const string HttpClientName = "openai";

    // Local servers ignore the key, but the SDK refuses to build a client without one.
    internal const string KeyForServersWithoutOne = "unused";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly OpenAiEngineOptions _options;
    private readonly ILogger<OpenAiCompatibleTranslationEngine> _logger;
    private readonly EngineRequestLimiter _limiter;

    public OpenAiCompatibleTranslationEngine(
        IHttpClientFactory httpClientFactory,
        IOptions<OpenAiEngineOptions> options,
        ILogger<OpenAiCompatibleTranslationEngine> logger,
        IEngineClusterGate? clusterGate = null)
    {
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _logger = logger;
        _limiter = new EngineRequestLimiter(_options.MaxParallelRequests, _options.RequestsPerMinute, EngineName, clusterGate);
    }

    public string Name => EngineName;

    public bool CanProofread => true;

    public int MaxParallelRequests => _options.MaxParallelRequests;

    public string? DefaultModel => _options.Model;

    public bool UsesTokens => true;

    public TokenPrice? Price => _options.Price;

    /// <summary>An LLM takes any pair it is asked for; whether the model is any good at it is the user's call.</summary>
    public bool Supports(string sourceLanguage, string targetLanguage) =>
        !string.IsNullOrWhiteSpace(sourceLanguage) && !string.IsNullOrWhiteSpace(targetLanguage);

    public async Task<IReadOnlyList<TranslatedSegment>> TranslateAsync(TranslationBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var keys = new ReplyKeys(batch.Segments);
        var model = string.IsNullOrWhiteSpace(batch.Model) ? _options.Model! : batch.Model.Trim();
        using var chat = CreateChatClient(model);
        var chatOptions = new ChatOptions
        {
            ModelId = model,
            Temperature = (float)_options.Temperature,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(OllamaPrompt.Schema(batch, keys), "subtitle_translations"),
        };
        if (_options.DisableThinking)
        {
            chatOptions.RawRepresentationFactory = _ => WithoutThinking();
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
            LogShortReply(model, segments.Count, batch.Segments.Count, LanguageCodes.DisplayName(batch.TargetLanguage),
                response.FinishReason?.Value ?? "unknown", response.Text.Length);
        }

        return segments;
    }

    public void Dispose() => _limiter.Dispose();

    // Not an OpenAI field: servers that render chat templates (vLLM, llama.cpp) pass it to the template.
    // Patch is the SDK's only way to add a field and is still marked for evaluation.
    private static ChatCompletionOptions WithoutThinking()
    {
        var options = new ChatCompletionOptions();
#pragma warning disable SCME0001
        options.Patch.Set("$.chat_template_kwargs.enable_thinking"u8, false);
#pragma warning restore SCME0001
        return options;
    }

    private IChatClient CreateChatClient(string model)
    {
        var key = string.IsNullOrWhiteSpace(_options.ApiKey) ? KeyForServersWithoutOne : _options.ApiKey.Trim();
        var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions
        {
            Endpoint = _options.BaseUrl,
            Transport = new HttpClientPipelineTransport(_httpClientFactory.CreateClient(HttpClientName)),

            // The HttpClient's pipeline retries and times out; the SDK's own retries would multiply its
            // attempts and its 100 s network timeout would cut long generations short.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        });
        return client.GetChatClient(model).AsIChatClient();
    }

    [LoggerMessage(LogLevel.Warning, "OpenAI-compatible model {Model} answered {ParsedCount} of {SegmentCount} segments ({TargetLanguage}, finish reason {FinishReason}, reply of {ReplyLength} characters)")]
    private partial void LogShortReply(string model, int parsedCount, int segmentCount, string targetLanguage, string finishReason, int replyLength);
}
