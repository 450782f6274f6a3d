using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FluxCaption.Tests.TestServers;

/// <summary>
/// The "model" of the scripted server: reads the segments (the user message's last line, a JSON object
/// of id to text, as FluxCaption's Ollama engine sends them) and writes the reply content a behaviour asks for.
/// </summary>
internal static partial class ScriptedOllamaReplies
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="keepUntranslated">Asked once per segment text: true when the model leaves that line as it is.</param>
    public static string Content(JsonNode request, OllamaBehaviour behaviour, Func<string, bool>? keepUntranslated = null, Func<string, bool>? leaveOut = null)
    {
        var messages = request["messages"]?.AsArray() ?? [];
        var system = messages.LastOrDefault(m => (string?)m?["role"] == "system")?["content"]?.GetValue<string>() ?? "";
        var user = messages.LastOrDefault(m => (string?)m?["role"] == "user")?["content"]?.GetValue<string>() ?? "";
        var tag = TargetTag().Match(system) is { Success: true } match ? match.Groups[1].Value : "tr";
        var prefix = $"[{tag}] ";

        var segments = ReadSegments(user);
        if (segments is null)
        {
            // Not a FluxCaption batch (a connection test, someone else's prompt): answer in plain text.
            return prefix + user;
        }

        var sources = segments.Select(s => s.Text).ToList();
        var answers = segments.Select(s => (s.Id, Text: keepUntranslated?.Invoke(s.Text) == true ? s.Text : prefix + s.Text)).ToList();
        if (leaveOut is not null)
        {
            // The segment's id is simply absent from the reply; every other line keeps its own id.
            var omitted = segments.Select(s => leaveOut(s.Text)).ToList();
            answers = [.. answers.Where((_, i) => !omitted[i])];
            sources = [.. sources.Where((_, i) => !omitted[i])];
        }

        switch (behaviour)
        {
            case OllamaBehaviour.DropId:
                answers.RemoveAt(answers.Count - 1);
                break;
            case OllamaBehaviour.DuplicateId when answers.Count > 0:
                answers.Insert(1, answers[0]);
                break;
            case OllamaBehaviour.MergeLines when answers.Count > 1:
                var merged = answers[0].Text + " " + sources[1];
                answers = [.. answers.Select((a, i) => (a.Id, Text: i == 0 ? merged : i + 1 < answers.Count ? prefix + sources[i + 1] : ""))];
                answers.RemoveAt(answers.Count - 1);
                break;
            case OllamaBehaviour.MergeLines:
                answers.Clear();
                break;
            case OllamaBehaviour.ReturnSource:
                answers = [.. segments.Select(s => (s.Id, s.Text))];
                break;
            case OllamaBehaviour.LosePlaceholder:
                answers = [.. answers.Select(a => (a.Id, Placeholder().Replace(a.Text, "")))];
                break;
        }

        var json = WriteObject(answers);
        return behaviour switch
        {
            OllamaBehaviour.ProseAndFences => $"Sure! Here are the translations you asked for:\n```json\n{json}\n```\nLet me know if you need anything else.",
            OllamaBehaviour.TruncatedJson => json[..(json.Length * 6 / 10)],
            OllamaBehaviour.ThinkBlock => $"<think>The user wants subtitles. Draft: {{\"{segments[0].Id}\": \"draft\"}} Now the real answer.</think>\n{json}",
            _ => json,
        };
    }

    private static List<(string Id, string Text)>? ReadSegments(string user)
    {
        var lastLine = user.TrimEnd().Split('\n')[^1].Trim();
        if (!lastLine.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(lastLine)?.AsObject().Select(p => (p.Key, p.Value?.GetValue<string>() ?? "")).ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    // Written by hand: a JsonObject cannot hold the same key twice, and DuplicateId needs exactly that.
    private static string WriteObject(List<(string Id, string Text)> answers)
    {
        var json = new StringBuilder("{");
        foreach (var (id, text) in answers)
        {
            if (json.Length > 1)
            {
                json.Append(", ");
            }

            json.Append(JsonSerializer.Serialize(id, Json)).Append(": ").Append(JsonSerializer.Serialize(text, Json));
        }

        return json.Append('}').ToString();
    }

    [GeneratedRegex(@"Target language: [^\n(]*\(([^)\s]+)\)")]
    private static partial Regex TargetTag();

    [GeneratedRegex(@"⟦\d+⟧")]
    private static partial Regex Placeholder();
}
