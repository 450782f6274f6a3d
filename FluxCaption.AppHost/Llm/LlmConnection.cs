using System.Data.Common;

namespace FluxCaption.AppHost.Llm;

/// <summary>The <c>llm</c> connection string: <c>Endpoint=http://host:11434;Model=qwen2.5:7b-instruct</c>.</summary>
public sealed record LlmConnection(Uri Endpoint, string Model)
{
    public static LlmConnection Parse(string connectionString)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var endpoint = parts.TryGetValue("Endpoint", out var e) ? e?.ToString() : null;
        var model = parts.TryGetValue("Model", out var m) ? m?.ToString() : null;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new FormatException($"The llm connection string needs Endpoint=<http(s) URL>, not '{endpoint}'.");
        }

        if (string.IsNullOrWhiteSpace(model))
        {
            throw new FormatException("The llm connection string needs Model=<name>, e.g. Model=qwen2.5:7b-instruct.");
        }

        return new(uri, model);
    }
}
