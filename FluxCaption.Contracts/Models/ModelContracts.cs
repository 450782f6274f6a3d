namespace FluxCaption.Contracts.Models;

/// <summary>The models installed on the configured Ollama server, and which one jobs get when they name none.</summary>
/// <param name="Server">The server's address.</param>
/// <param name="DefaultModel">The default now: <paramref name="ChosenModel"/> when set, else <paramref name="ConfiguredModel"/>.</param>
/// <param name="ConfiguredModel">Ollama:Model or the llm connection string's model.</param>
/// <param name="ChosenModel">The default chosen at run time (Models page); null when none was.</param>
public sealed record OllamaModelList(
    string Server,
    string DefaultModel,
    string ConfiguredModel,
    string? ChosenModel,
    IReadOnlyList<OllamaModelInfo> Models);

/// <summary>One installed model as GET /api/tags describes it; <paramref name="Size"/> in bytes.</summary>
public sealed record OllamaModelInfo(
    string Name,
    long Size,
    DateTimeOffset? ModifiedAt,
    string? Family,
    string? ParameterSize,
    string? QuantizationLevel,
    bool IsDefault)
{
    /// <summary>Decimal gigabytes, as Ollama itself and model registries show sizes.</summary>
    public double SizeGigabytes => Size / 1_000_000_000d;
}

/// <summary>Body of a pull, a pull cancellation and a delete: the model's name ("qwen2.5:7b-instruct").</summary>
public sealed record ModelNameRequest(string? Model);

/// <summary>Body of PUT .../default: the model to make the default, or null to go back to the configured one.</summary>
public sealed record DefaultModelRequest(string? Model);

/// <summary>
/// One step of a pull, relayed from Ollama's stream as a Server-Sent Event: "progress" while it runs,
/// then one "success" or one "error" (Ollama's own text in <paramref name="Error"/>).
/// </summary>
public sealed record ModelPullProgress(string Status, string? Digest = null, long? Total = null, long? Completed = null, string? Error = null)
{
    public const string ProgressEvent = "progress";
    public const string SuccessEvent = "success";
    public const string ErrorEvent = "error";

    /// <summary>0 to 100 for a layer being downloaded; null for steps without a size.</summary>
    public double? Percent => Total is > 0 && Completed is { } done ? Math.Min(100, done * 100d / Total.Value) : null;
}

/// <summary>A sample line to translate with a model, to try it before making it the default.</summary>
/// <param name="Model">The model; null or blank for the current default.</param>
/// <param name="SourceLanguage">The line's language; "en" when left out.</param>
public sealed record ModelTryRequest(string? Model, string? SourceLanguage, string? TargetLanguage, string? Text);

/// <summary>The translated sample, how long it took, and any warning the translation raised (a line kept in the source).</summary>
public sealed record ModelTryResult(string Model, string SourceLanguage, string TargetLanguage, string Translation, double Seconds, IReadOnlyList<string> Warnings);

/// <summary>The models an OpenAI-compatible server offers (GET /v1/models) and the configured one.</summary>
public sealed record OpenAiModelList(string Server, string? ConfiguredModel, IReadOnlyList<string> Models);
