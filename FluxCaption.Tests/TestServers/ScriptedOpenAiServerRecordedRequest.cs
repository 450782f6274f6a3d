using System.Text.Json.Nodes;

namespace FluxCaption.Tests.TestServers;

/// <summary>
/// One request <see cref="ScriptedOpenAiServer"/> received, with the behaviour it was answered with
/// (null for GETs), its Authorization header, and how many chats were in flight once it arrived (itself included).
/// </summary>
public sealed record RecordedOpenAiRequest(
    string Method,
    string Path,
    string Body,
    OpenAiBehaviour? Behaviour,
    DateTimeOffset ReceivedAt,
    string? Authorization,
    int ChatsInFlight)
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
}
