using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FluxCaption.Contracts.Models;

namespace FluxCaption.Web.Services;

/// <summary>Models: the Ollama server's installed models, pulls, the default, trials; the OpenAI-compatible server's list.</summary>
public sealed partial class FluxCaptionApiClient
{
    public async Task<OllamaModelList> ListOllamaModelsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/models/ollama", cancellationToken);
        return await ReadAsync<OllamaModelList>(response, cancellationToken);
    }

    /// <summary>
    /// Pulls a model, yielding Ollama's progress as it arrives; the last step has <see cref="ModelPullProgress.Error"/>
    /// set, or the status "success". A refused start (already pulling, server down) is an <see cref="ApiProblemException"/>.
    /// </summary>
    public async IAsyncEnumerable<ModelPullProgress> PullOllamaModelAsync(string model, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/models/ollama/pull") { Content = JsonContent.Create(new ModelNameRequest(model), options: Json) };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            if (JsonSerializer.Deserialize<ModelPullProgress>(item.Data, Json) is { } step)
            {
                yield return step;
            }
        }
    }

    public async Task CancelOllamaPullAsync(string model, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("api/models/ollama/pull/cancel", new ModelNameRequest(model), Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task DeleteOllamaModelAsync(string model, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync($"api/models/ollama/{Uri.EscapeDataString(model)}", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Makes <paramref name="model"/> the default; null goes back to the configured model.</summary>
    public async Task<OllamaModelList> SetDefaultOllamaModelAsync(string? model, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync("api/models/ollama/default", new DefaultModelRequest(model), Json, cancellationToken);
        return await ReadAsync<OllamaModelList>(response, cancellationToken);
    }

    public async Task<ModelTryResult> TryOllamaModelAsync(ModelTryRequest trial, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("api/models/ollama/try", trial, Json, cancellationToken);
        return await ReadAsync<ModelTryResult>(response, cancellationToken);
    }

    public async Task<OpenAiModelList> ListOpenAiModelsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/models/openai", cancellationToken);
        return await ReadAsync<OpenAiModelList>(response, cancellationToken);
    }
}
