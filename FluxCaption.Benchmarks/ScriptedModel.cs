using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FluxCaption.Benchmarks;

/// <summary>
/// The benchmark server's stand-in for a model: deterministic and length-preserving, so completion
/// token counts match what a real model would write for the same lines. "Translating" rotates ASCII
/// letters by 13 (placeholders, digits and punctuation stay); proofreading returns the line as given.
/// A FluxCaption batch is recognised by its last user line being a JSON object of id to text.
/// </summary>
internal static class ScriptedModel
{
    /// <summary>Separates a plain prompt's instructions from the text it is about (used by the baseline).</summary>
    public const string TextSeparator = "\n\n";

    public const string ProofreadMarker = "Proofread";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Reply(string system, string user)
    {
        var lastLine = user.TrimEnd().Split('\n')[^1].Trim();
        if (lastLine.StartsWith('{') && TryReadSegments(lastLine) is { } segments)
        {
            var reply = new JsonObject();
            foreach (var (id, segment) in segments)
            {
                reply[id] = Rotate(segment);
            }

            return reply.ToJsonString(Json);
        }

        var separator = user.LastIndexOf(TextSeparator, StringComparison.Ordinal);
        var text = separator < 0 ? user : user[(separator + TextSeparator.Length)..];
        var proofread = system.Contains(ProofreadMarker, StringComparison.Ordinal)
            || user.StartsWith(ProofreadMarker, StringComparison.Ordinal);
        return proofread ? text : Rotate(text);
    }

    public static string Rotate(string text)
    {
        var rotated = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            rotated.Append(c switch
            {
                >= 'a' and <= 'z' => (char)('a' + ((c - 'a' + 13) % 26)),
                >= 'A' and <= 'Z' => (char)('A' + ((c - 'A' + 13) % 26)),
                _ => c,
            });
        }

        return rotated.ToString();
    }

    private static List<(string Id, string Text)>? TryReadSegments(string line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject segments
                ? [.. segments.Select(p => (p.Key, p.Value?.GetValue<string>() ?? ""))]
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
