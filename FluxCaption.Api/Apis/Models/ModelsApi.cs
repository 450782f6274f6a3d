using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using FluxCaption.Contracts.Models;
using FluxCaption.Core.Settings;
using FluxCaption.Core.Translation.Ollama;
using FluxCaption.Core.Translation.OpenAi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Apis.Models;

/// <summary>
/// The models of the configured LLM servers: Ollama's installed models (list, pull with live progress,
/// delete, choose the default, try one on a line) and an OpenAI-compatible server's model list.
/// </summary>
public static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/models").WithTags("Models").RequireAuthorization();
        api.MapGet("/ollama", ListOllamaAsync).WithName("ListOllamaModels")
            .WithSummary("The models installed on the Ollama server and which one is the default");
        api.MapPost("/ollama/pull", PullAsync).WithName("PullOllamaModel")
            .WithSummary("Pull a model; progress streams as Server-Sent Events until 'success' or 'error'");
        api.MapPost("/ollama/pull/cancel", CancelPull).WithName("CancelOllamaPull").WithSummary("Stop a running pull");
        api.MapDelete("/ollama/{*name}", DeleteAsync).WithName("DeleteOllamaModel").WithSummary("Delete an installed model");
        api.MapPut("/ollama/default", PutDefaultAsync).WithName("PutOllamaDefaultModel")
            .WithSummary("Choose the model jobs get when they name none; null goes back to the configured one");
        api.MapPost("/ollama/try", ModelTryEndpoint.TryAsync).WithName("TryOllamaModel")
            .WithSummary("Translate a sample line with a model and say how long it took");
        api.MapGet("/openai", ListOpenAiAsync).WithName("ListOpenAiModels").WithSummary("The models the OpenAI-compatible server offers");
        return api;
    }

    public static async Task<Results<Ok<OllamaModelList>, ProblemHttpResult>> ListOllamaAsync(
        IConfiguration configuration, OllamaModelsClient client, RuntimeSettings settings, IOptions<OllamaEngineOptions> options,
        CancellationToken cancellationToken)
    {
        if (NotConfigured(configuration) is { } missing)
        {
            return missing;
        }

        try
        {
            var chosen = await settings.GetOllamaDefaultModelAsync(cancellationToken);
            var configured = options.Value.Model;
            var current = chosen ?? configured;
            var models = await client.ListAsync(cancellationToken);
            return TypedResults.Ok(new OllamaModelList(
                client.Endpoint.ToString(),
                current,
                configured,
                chosen,
                [.. models.OrderBy(model => model.Name, StringComparer.Ordinal).Select(model => new OllamaModelInfo(
                    model.Name,
                    model.Size,
                    model.ModifiedAt,
                    model.Details?.Family,
                    model.Details?.ParameterSize,
                    model.Details?.QuantizationLevel,
                    string.Equals(model.Name, current, StringComparison.OrdinalIgnoreCase)))]));
        }
        catch (ModelServerException exception)
        {
            return ServerProblem(exception);
        }
    }

    public static async Task<Results<ServerSentEventsResult<ModelPullProgress>, ValidationProblem, ProblemHttpResult>> PullAsync(
        ModelNameRequest? request, IConfiguration configuration, OllamaModelsClient client, ModelPullRegistry pulls,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (NotConfigured(configuration) is { } missing)
        {
            return missing;
        }

        if (string.IsNullOrWhiteSpace(request?.Model))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["model"] = ["model is required: the name of the model to pull, e.g. qwen2.5:7b-instruct."] });
        }

        var model = request.Model.Trim();
        if (pulls.TryStart(model) is not { } cancellation)
        {
            return TypedResults.Problem(
                title: $"The model '{model}' is already being pulled.",
                detail: "Wait for that pull to finish, or cancel it first.",
                statusCode: StatusCodes.Status409Conflict);
        }

        HttpResponseMessage response;
        try
        {
            // Before any event: an unreachable server or a refused request is a ProblemDetails, not a stream.
            response = await client.StartPullAsync(model, cancellationToken);
        }
        catch (ModelServerException exception)
        {
            pulls.Finish(model, cancellation);
            return ServerProblem(exception);
        }
        catch
        {
            pulls.Finish(model, cancellation);
            throw;
        }

        var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, cancellation.Token);
        return TypedResults.ServerSentEvents(RelayAsync(client, response, model, pulls, cancellation, linked));
    }

    public static Results<NoContent, ValidationProblem, ProblemHttpResult> CancelPull(ModelNameRequest? request, ModelPullRegistry pulls)
    {
        if (string.IsNullOrWhiteSpace(request?.Model))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["model"] = ["model is required: the model whose pull to stop."] });
        }

        return pulls.Cancel(request.Model.Trim())
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: $"No pull of '{request.Model.Trim()}' is running.", statusCode: StatusCodes.Status404NotFound);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string name, IConfiguration configuration, OllamaModelsClient client, RuntimeSettings settings, OllamaDefaultModel defaults,
        CancellationToken cancellationToken)
    {
        if (NotConfigured(configuration) is { } missing)
        {
            return missing;
        }

        try
        {
            var model = Uri.UnescapeDataString(name).Trim();
            await client.DeleteAsync(model, cancellationToken);

            // A deleted model cannot stay the default: jobs would fail on it.
            if (string.Equals(await settings.GetOllamaDefaultModelAsync(cancellationToken), model, StringComparison.OrdinalIgnoreCase))
            {
                await settings.SaveOllamaDefaultModelAsync(null, cancellationToken);
                defaults.Remember(null);
            }

            return TypedResults.NoContent();
        }
        catch (ModelServerException exception)
        {
            return ServerProblem(exception);
        }
    }

    public static async Task<Results<Ok<OllamaModelList>, ValidationProblem, ProblemHttpResult>> PutDefaultAsync(
        DefaultModelRequest? request, IConfiguration configuration, OllamaModelsClient client, RuntimeSettings settings,
        IOptions<OllamaEngineOptions> options, OllamaDefaultModel defaults, CancellationToken cancellationToken)
    {
        if (NotConfigured(configuration) is { } missing)
        {
            return missing;
        }

        var model = string.IsNullOrWhiteSpace(request?.Model) ? null : request.Model.Trim();
        if (model is not null)
        {
            try
            {
                var installed = await client.ListAsync(cancellationToken);
                if (!installed.Any(candidate => string.Equals(candidate.Name, model, StringComparison.OrdinalIgnoreCase)))
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["model"] = [$"The model '{model}' is not installed on {client.ServerName}; pull it first."] },
                        title: "The default model is not valid.");
                }
            }
            catch (ModelServerException exception)
            {
                return ServerProblem(exception);
            }
        }

        await settings.SaveOllamaDefaultModelAsync(model, cancellationToken);
        defaults.Remember(model);
        var list = await ListOllamaAsync(configuration, client, settings, options, cancellationToken);
        return list.Result switch
        {
            Ok<OllamaModelList> ok => ok,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("The model list answered with an unexpected result."),
        };
    }

    public static async Task<Results<Ok<OpenAiModelList>, ProblemHttpResult>> ListOpenAiAsync(
        IConfiguration configuration, OpenAiModelsClient client, CancellationToken cancellationToken)
    {
        if (!OpenAiServiceCollectionExtensions.IsConfigured(configuration))
        {
            return TypedResults.Problem(
                title: "No OpenAI-compatible server is configured.",
                detail: "Set OpenAi:BaseUrl (and OpenAi:ApiKey when the server wants one).",
                statusCode: StatusCodes.Status404NotFound);
        }

        try
        {
            return TypedResults.Ok(new OpenAiModelList(client.BaseUrl.ToString(), client.ConfiguredModel, await client.ListAsync(cancellationToken)));
        }
        catch (ModelServerException exception)
        {
            return ServerProblem(exception);
        }
    }

    internal static ProblemHttpResult? NotConfigured(IConfiguration configuration) =>
        OllamaServiceCollectionExtensions.IsConfigured(configuration)
            ? null
            : TypedResults.Problem(
                title: "No Ollama server is configured.",
                detail: "Set ConnectionStrings:llm (\"Endpoint=http://host:11434;Model=...\") or Ollama:Endpoint.",
                statusCode: StatusCodes.Status404NotFound);

    /// <summary>Unreachable: 503 naming the server. Answered with an error: Ollama's own text, its 4xx kept, anything else a 502.</summary>
    internal static ProblemHttpResult ServerProblem(ModelServerException exception) =>
        exception.Unreachable
            ? TypedResults.Problem(title: $"{Capitalised(exception.Server)} cannot be reached.", detail: exception.Message, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Problem(
                title: $"{Capitalised(exception.Server)} refused the request.",
                detail: exception.Message,
                statusCode: exception.ServerStatus is >= 400 and < 500 ? exception.ServerStatus.Value : StatusCodes.Status502BadGateway);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static async IAsyncEnumerable<SseItem<ModelPullProgress>> RelayAsync(
        OllamaModelsClient client, HttpResponseMessage response, string model, ModelPullRegistry pulls,
        CancellationTokenSource cancellation, CancellationTokenSource linked)
    {
        try
        {
            var enumerator = client.ReadPullAsync(response, linked.Token).GetAsyncEnumerator(linked.Token);
            await using (enumerator)
            {
                while (true)
                {
                    ModelPullProgress step;
                    try
                    {
                        if (!await enumerator.MoveNextAsync())
                        {
                            yield break;
                        }

                        step = enumerator.Current;
                    }
                    catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                    {
                        step = new ModelPullProgress("cancelled", Error: $"The pull of '{model}' was cancelled.");
                    }
                    catch (ModelServerException exception)
                    {
                        step = new ModelPullProgress("error", Error: exception.Message);
                    }

                    var type = step.Error is not null ? ModelPullProgress.ErrorEvent
                        : step.Status == "success" ? ModelPullProgress.SuccessEvent
                        : ModelPullProgress.ProgressEvent;
                    yield return new SseItem<ModelPullProgress>(step, type);
                    if (type != ModelPullProgress.ProgressEvent)
                    {
                        yield break;
                    }
                }
            }
        }
        finally
        {
            response.Dispose();
            linked.Dispose();
            pulls.Finish(model, cancellation);
        }
    }
}
