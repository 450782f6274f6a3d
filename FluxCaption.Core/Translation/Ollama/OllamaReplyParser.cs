using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FluxCaption.Core.Translation.Ollama;

/// <summary>
/// Reads whatever a model answered into id/text pairs: strips &lt;think&gt; blocks, code fences and prose
/// around the JSON, accepts {"id": "text"}, {"translations": {...}} and [{"id":..,"text":..}], and keeps
/// every complete pair of a truncated reply. What it cannot read is simply absent: the translator's
/// validation reports the missing ids and asks again.
/// </summary>
internal static partial class OllamaReplyParser
{
    public static List<TranslatedSegment> Parse(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return [];
        }

        var text = ThinkBlock().Replace(reply, "");

        // Prose before the JSON may hold brackets of its own ("Here you go [JSON]:"): try each opening.
        for (var start = text.IndexOfAny(['{', '[']); start >= 0; start = text.IndexOfAny(['{', '['], start + 1))
        {
            var segments = ReadFrom(text[start..]);
            if (segments.Count > 0)
            {
                return segments;
            }
        }

        return [];
    }

    private static List<TranslatedSegment> ReadFrom(string json)
    {
        var segments = new List<TranslatedSegment>();
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, state: default);
        var objects = new Stack<(string? Id, string? Text)>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        objects.Push((null, null));
                        property = null;
                        break;
                    case JsonTokenType.EndObject:
                        var (id, translation) = objects.Pop();
                        if (id is not null && translation is not null)
                        {
                            segments.Add(new TranslatedSegment(id, translation));
                        }

                        break;
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.String or JsonTokenType.Number when property is not null && objects.Count > 0:
                        var value = reader.TokenType == JsonTokenType.String
                            ? reader.GetString()!
                            : Encoding.UTF8.GetString(reader.ValueSpan);
                        var current = objects.Pop();
                        if (IsIdName(property))
                        {
                            current.Id = value;
                        }
                        else if (IsTextName(property))
                        {
                            current.Text = value;
                        }
                        else if (reader.TokenType == JsonTokenType.String)
                        {
                            segments.Add(new TranslatedSegment(property, value));
                        }

                        objects.Push(current);
                        property = null;
                        break;
                }

                // The JSON value ended: anything after it is prose.
                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    break;
                }
            }
        }
        catch (JsonException)
        {
            // Broken or cut-off JSON: the pairs read so far stand.
        }

        return segments;
    }

    private static bool IsIdName(string name) =>
        name.Equals("id", StringComparison.OrdinalIgnoreCase) || name.Equals("index", StringComparison.OrdinalIgnoreCase);

    private static bool IsTextName(string name) =>
        name.Equals("text", StringComparison.OrdinalIgnoreCase) || name.Equals("translation", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"<think>.*?(</think>|$)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ThinkBlock();
}
