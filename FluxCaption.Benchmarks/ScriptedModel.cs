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
/// Like a real model on hard short lines, it gives <see cref="Echoed"/> phrases back untranslated and
/// leaves <see cref="Unanswered"/> ones out of its reply, however often it is asked.
/// </summary>
internal static class ScriptedModel
{
    /// <summary>Separates a plain prompt's instructions from the text it is about (used by the baseline).</summary>
    public const string TextSeparator = "\n\n";

    public const string ProofreadMarker = "Proofread";

    /// <summary>Openings of lines that come back as they were sent (none occurs in the film shape).</summary>
    public static readonly string[] Echoed = ["Calm down", "Hold it right there", "Take it easy", "Not so fast"];

    /// <summary>Openings of lines whose id is missing from the reply (none occurs in the film shape).</summary>
    public static readonly string[] Unanswered = ["Mm-hmm", "Pfff, whatever", "Uh-huh", "Tsk tsk"];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Reply(string system, string user)
    {
        if (Segments(user) is { } segments)
        {
            var reply = new JsonObject();
            foreach (var (id, segment) in segments.Where(s => !Opens(s.Text, Unanswered)))
            {
                reply[id] = Opens(segment, Echoed) ? segment : Rotate(segment);
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

    /// <summary>The lines a FluxCaption batch asks for (id, text), or null for any other prompt.</summary>
    public static List<(string Id, string Text)>? Segments(string user)
    {
        var line = user.TrimEnd().Split('\n')[^1].Trim();
        if (!line.StartsWith('{'))
        {
            return null;
        }

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

    private static bool Opens(string text, string[] openings) =>
        openings.Any(o => text.StartsWith(o, StringComparison.Ordinal));
}
