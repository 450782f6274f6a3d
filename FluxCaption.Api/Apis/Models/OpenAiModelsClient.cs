using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FluxCaption.Core.Translation.OpenAi;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FluxCaption.Api.Apis.Models;

/// <summary>GET {BaseUrl}/models of the configured OpenAI-compatible server, over the "openai-models" HttpClient.</summary>
public sealed class OpenAiModelsClient(IHttpClientFactory httpClientFactory, IOptions<OpenAiEngineOptions> options)
{
    public const string HttpClientName = "openai-models";

    public Uri BaseUrl => options.Value.BaseUrl!;

    public string? ConfiguredModel => options.Value.Model;

    public string ServerName => $"the OpenAI-compatible server at {BaseUrl}";

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        // BaseUrl names the API root (".../v1"); "models" sits beside chat/completions under it.
        var root = BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(root, "models"));
        if (!string.IsNullOrWhiteSpace(options.Value.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey.Trim());
        }

        HttpResponseMessage response;
        try
        {
            response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ModelServerException(ServerName, $"The OpenAI-compatible server at {BaseUrl} cannot be reached: {exception.Message}", unreachable: true, inner: exception);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ModelServerException(ServerName, ErrorText(body, response), unreachable: false, (int)response.StatusCode);
            }

            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
                ? [.. data.EnumerateArray()
                    .Select(model => model.TryGetProperty("id", out var id) ? id.GetString() : null)
                    .OfType<string>()
                    .Order(StringComparer.Ordinal)]
                : [];
        }
    }

    // OpenAI-style servers answer {"error": {"message": ...}}; some answer {"error": "..."} or plain text.
    private static string ErrorText(string body, HttpResponseMessage response)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("error", out var error))
            {
                return error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message)
                    ? message.GetString() ?? body
                    : error.ValueKind == JsonValueKind.String ? error.GetString() ?? body : body;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself is the explanation.
        }

        return string.IsNullOrWhiteSpace(body) ? response.ReasonPhrase ?? "no reason given" : body.Trim();
    }
}
