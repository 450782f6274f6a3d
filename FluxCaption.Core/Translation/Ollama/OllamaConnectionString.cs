using System.Data.Common;

namespace FluxCaption.Core.Translation.Ollama;

/// <summary>Reads the "Endpoint=...;Model=..." connection string Aspire hands out for an Ollama model resource.</summary>
public static class OllamaConnectionString
{
    /// <summary>The endpoint and model named by <paramref name="connectionString"/>; either may be null when absent.</summary>
    public static (Uri? Endpoint, string? Model) Parse(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        Uri? endpoint = null;
        if (builder.TryGetValue("Endpoint", out var rawEndpoint) && rawEndpoint is string endpointText)
        {
            endpoint = Uri.TryCreate(endpointText.Trim(), UriKind.Absolute, out var parsed)
                ? parsed
                : throw new FormatException($"The Endpoint '{endpointText}' in the llm connection string is not an absolute address.");
        }

        var model = builder.TryGetValue("Model", out var rawModel) && rawModel is string modelText && !string.IsNullOrWhiteSpace(modelText)
            ? modelText.Trim()
            : null;
        return (endpoint, model);
    }
}
