using System.Text.Json.Nodes;

namespace FluxCaption.Tests.TestServers;

/// <summary>One request the scripted server received, with the behaviour it was answered with (null for GETs).</summary>
public sealed record RecordedOllamaRequest(string Method, string Path, string Body, OllamaBehaviour? Behaviour, DateTimeOffset ReceivedAt)
{
    /// <summary>The body parsed as JSON (null when empty or not JSON).</summary>
    public JsonNode? Json
    {
        get
        {
            try
            {
                return string.IsNullOrWhiteSpace(Body) ? null : JsonNode.Parse(Body);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>The texts of the segments a chat asked to translate (the user message's last line), in order; empty for other requests.</summary>
    public IReadOnlyList<string> SegmentTexts
    {
        get
        {
            var user = Json?["messages"]?.AsArray().LastOrDefault(m => (string?)m?["role"] == "user")?["content"]?.GetValue<string>() ?? "";
            var lastLine = user.TrimEnd().Split('\n')[^1].Trim();
            return lastLine.StartsWith('{')
                ? [.. JsonNode.Parse(lastLine)!.AsObject().Select(p => p.Value?.GetValue<string>() ?? "")]
                : [];
        }
    }
}
