using System.Diagnostics;
using FluxCaption.Contracts.Models;
using FluxCaption.Core.Languages;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Ollama;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FluxCaption.Api.Apis.Models;

/// <summary>
/// POST /api/models/ollama/try: one line through the same document translator and Ollama engine a job
/// uses (markup protection, reply checks, a line kept in the source with its warning), but without the
/// translation memory or glossary, so a trial neither reuses nor leaves behind remembered lines.
/// </summary>
public static class ModelTryEndpoint
{
    public const int MaxTextLength = 1000;

    public static async Task<Results<Ok<ModelTryResult>, ValidationProblem, ProblemHttpResult>> TryAsync(
        ModelTryRequest? request, IConfiguration configuration, IEnumerable<ITranslationEngine> engines,
        IOptions<TranslationOptions> translationOptions, ILoggerFactory loggers, OllamaDefaultModel defaults,
        OllamaModelsClient client, CancellationToken cancellationToken)
    {
        if (ModelsApi.NotConfigured(configuration) is { } missing)
        {
            return missing;
        }

        var errors = new Dictionary<string, string[]>();
        var source = Language(request?.SourceLanguage ?? "en", "sourceLanguage", errors);
        var target = string.IsNullOrWhiteSpace(request?.TargetLanguage)
            ? Missing("targetLanguage", "targetLanguage is required: the language to translate the line into, e.g. de.", errors)
            : Language(request.TargetLanguage, "targetLanguage", errors);
        if (string.IsNullOrWhiteSpace(request?.Text))
        {
            errors["text"] = ["text is required: the line to translate."];
        }
        else if (request.Text.Length > MaxTextLength)
        {
            errors["text"] = [$"text is {request.Text.Length} characters long; a sample may have at most {MaxTextLength}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The sample is not valid.");
        }

        var engine = engines.First(candidate => candidate.Name == OllamaTranslationEngine.EngineName);
        var model = string.IsNullOrWhiteSpace(request!.Model) ? await defaults.GetAsync(cancellationToken) : request.Model.Trim();
        var document = new SubtitleDocument
        {
            Format = SubtitleFormat.Srt,
            Cues = [new SubtitleCue { Identifier = "1", Start = TimeSpan.Zero, End = TimeSpan.FromSeconds(3), Text = request.Text!.Trim().ReplaceLineEndings("\n") }],
        };
        var translator = new SubtitleTranslator([engine], translationOptions, loggers.CreateLogger<SubtitleTranslator>());
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await translator.TranslateAsync(
                new SubtitleTranslationRequest(document, source!, target!, engine.Name, model, new Dictionary<int, string>()) { Fallback = [] },
                static (_, _) => Task.CompletedTask,
                cancellationToken);
            return TypedResults.Ok(new ModelTryResult(
                model,
                source!,
                target!,
                result.Document.Cues[0].Text,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 3),
                [.. result.Warnings.Select(warning => warning.Message)]));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && exception is HttpRequestException { StatusCode: null } or TimeoutRejectedException or BrokenCircuitException)
        {
            return ModelsApi.ServerProblem(new ModelServerException(client.ServerName, $"{client.ServerName} cannot be reached: {exception.Message}", unreachable: true));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OperationCanceledException)
        {
            return TypedResults.Problem(
                title: $"The model '{model}' could not translate the sample.",
                detail: exception.Message,
                statusCode: StatusCodes.Status502BadGateway);
        }
    }

    private static string? Language(string value, string field, Dictionary<string, string[]> errors)
    {
        if (LanguageCodes.TryNormalize(value, out var canonical))
        {
            return canonical;
        }

        errors[field] = [$"'{value}' is not a language this installation knows (use a code such as en, de, pt-BR)."];
        return null;
    }

    private static string? Missing(string field, string message, Dictionary<string, string[]> errors)
    {
        errors[field] = [message];
        return null;
    }
}
