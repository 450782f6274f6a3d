using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluxCaption.Contracts.Models;
using FluxCaption.Core.Translation.Ollama;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FluxCaption.Api.Apis.Models;

/// <summary>
/// Ollama's model management API (GET /api/tags, POST /api/pull, DELETE /api/delete) over the
/// "ollama-models" HttpClient: plain HTTP because OllamaSharp's pull enumerator hides the error lines
/// Ollama puts in the stream, and those are what the user needs to read.
/// </summary>
public sealed class OllamaModelsClient(IHttpClientFactory httpClientFactory, IOptions<OllamaEngineOptions> options)
{
    public const string HttpClientName = "ollama-models";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Uri Endpoint => options.Value.Endpoint!;

    public string ServerName => $"the Ollama server at {Endpoint}";

    public async Task<IReadOnlyList<TagModel>> ListAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/tags"), HttpCompletionOption.ResponseContentRead, cancellationToken);
        await ThrowOnErrorAsync(response, cancellationToken);
        var tags = await response.Content.ReadFromJsonAsync<TagList>(Json, cancellationToken);
        return tags?.Models ?? [];
    }

    /// <summary>Deletes an installed model; an unknown one is a <see cref="ModelServerException"/> with status 404 and Ollama's text.</summary>
    public async Task DeleteAsync(string model, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, "api/delete") { Content = JsonContent.Create(new { model }) };
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        await ThrowOnErrorAsync(response, cancellationToken);
    }

    /// <summary>
    /// Starts a pull and returns once Ollama answered, so an unreachable server or a refused request is
    /// an exception before any progress is relayed. The caller enumerates <see cref="ReadPullAsync"/>.
    /// </summary>
    public async Task<HttpResponseMessage> StartPullAsync(string model, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/pull") { Content = JsonContent.Create(new { model, stream = true }) };
        var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            await ThrowOnErrorAsync(response, cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The pull's JSON lines as progress; an {"error"} line ends the stream as an error step.</summary>
    public async IAsyncEnumerable<ModelPullProgress> ReadPullAsync(HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                throw new ModelServerException(ServerName, $"The connection to {ServerName} broke during the pull: {exception.Message}", unreachable: true, inner: exception);
            }

            if (line is null)
            {
                yield break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var step = JsonSerializer.Deserialize<PullLine>(line, Json);
            if (step is null)
            {
                continue;
            }

            if (!string.IsNullOrEmpty(step.Error))
            {
                yield return new ModelPullProgress("error", Error: step.Error);
                yield break;
            }

            yield return new ModelPullProgress(step.Status ?? "", step.Digest, step.Total, step.Completed);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                return await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, completion, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new ModelServerException(ServerName, $"{char.ToUpperInvariant(ServerName[0])}{ServerName[1..]} cannot be reached: {exception.Message}", unreachable: true, inner: exception);
            }
        }
    }

    private async Task ThrowOnErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        string? error = null;
        try
        {
            error = JsonSerializer.Deserialize<PullLine>(body, Json)?.Error;
        }
        catch (JsonException)
        {
            // Not Ollama's {"error": "..."} shape (a proxy's page): the raw text is all there is.
        }

        var text = string.IsNullOrWhiteSpace(error) ? (string.IsNullOrWhiteSpace(body) ? response.ReasonPhrase ?? "no reason given" : body.Trim()) : error;
        throw new ModelServerException(ServerName, text, unreachable: false, (int)response.StatusCode);
    }

    public sealed record TagList(IReadOnlyList<TagModel>? Models);

    public sealed record TagModel(
        string Name,
        long Size,
        [property: JsonPropertyName("modified_at")] DateTimeOffset? ModifiedAt,
        TagDetails? Details);

    public sealed record TagDetails(
        string? Family,
        [property: JsonPropertyName("parameter_size")] string? ParameterSize,
        [property: JsonPropertyName("quantization_level")] string? QuantizationLevel);

    private sealed record PullLine(string? Status, string? Digest, long? Total, long? Completed, string? Error);
}
