using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluxCaption.Core.Languages;
using Microsoft.Extensions.AI;

namespace FluxCaption.Core.Translation.Ollama;

/// <summary>
/// Builds the chat request for one batch. The segments always travel as the last line of the user
/// message, a compact JSON object of short key to text ({"1":"...","2":"..."}, see <see cref="ReplyKeys"/>);
/// the reply is asked for in the same shape, under a schema. Ollama and OpenAI-compatible engines share it.
/// </summary>
internal static class OllamaPrompt
{
    // Raw UTF-8 rather than \u escapes: models read "⟦1⟧" and "你好" far better than "\u27E61\u27E7".
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static List<ChatMessage> Messages(TranslationBatch batch, ReplyKeys keys) =>
    [
        new(ChatRole.System, SystemPrompt(batch)),
        new(ChatRole.User, UserPrompt(batch, keys)),
    ];

    public static JsonElement Schema(TranslationBatch batch, ReplyKeys keys)
    {
        var properties = new JsonObject();
        foreach (var segment in batch.Segments)
        {
            properties[keys.KeyOf(segment.Id)] = new JsonObject { ["type"] = "string" };
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. batch.Segments.Select(s => (JsonNode)JsonValue.Create(keys.KeyOf(s.Id)))]),
            ["additionalProperties"] = false,
        };
        return JsonSerializer.SerializeToElement(schema);
    }

    private static string SystemPrompt(TranslationBatch batch)
    {
        if (batch.Drafts is not null)
        {
            return ProofreadSystemPrompt(batch);
        }

        var target = LanguageCodes.DisplayName(batch.TargetLanguage);
        var from = LanguageCodes.IsUndetermined(batch.SourceLanguage)
            ? "(their language was not given: recognise it)"
            : $"from {LanguageCodes.DisplayName(batch.SourceLanguage)} ({batch.SourceLanguage})";
        return $"""
            You are a professional subtitle translator. Translate subtitle lines {from} into {target}.
            Target language: {target} ({batch.TargetLanguage}).
            Rules:
            - Translate every segment into natural, concise {target} that reads well on screen; keep the meaning, tone and register.
            - Use the context lines only to understand names, gender, tone and sentences that run across lines; never translate them.
            - Tokens such as ⟦1⟧ are formatting. Copy each token exactly, once, in the same order, next to the words it belongs to.
            - Never merge, split, skip or reorder segments: every id gets exactly one translation of its own text.
            - Keep names consistent with the earlier translations.
            - Answer with only a JSON object that maps each id to its translation, nothing else.
            """;
    }

    private static string ProofreadSystemPrompt(TranslationBatch batch)
    {
        var target = LanguageCodes.DisplayName(batch.TargetLanguage);
        return $"""
            You are a professional subtitle editor. Proofread {target} subtitle translations against their source lines.
            Target language: {target} ({batch.TargetLanguage}).
            Rules:
            - Fix mistranslations, grammar, spelling, punctuation and inconsistent names or terms; keep lines that are already right exactly as they are.
            - Keep each line concise enough to read on screen; keep the meaning, tone and register of its source line.
            - Tokens such as ⟦1⟧ are formatting. Copy each token exactly, once, in the same order, next to the words it belongs to.
            - Never merge, split, skip or reorder lines: every id gets exactly one corrected translation of its own line.
            - Answer with only a JSON object that maps each id to its corrected translation, nothing else.
            """;
    }

    private static string UserPrompt(TranslationBatch batch, ReplyKeys keys)
    {
        var prompt = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(batch.Title))
        {
            prompt.Append("Title: ").AppendLine(OneLine(batch.Title));
        }

        if (batch.Glossary.Count > 0)
        {
            prompt.AppendLine("Glossary (wherever the term on the left appears, the translation must use the term on the right):");
            foreach (var term in batch.Glossary)
            {
                prompt.Append("- ").Append(OneLine(term.Source)).Append(" => ").AppendLine(OneLine(term.Target));
            }
        }

        if (batch.PrecedingContext.Count > 0)
        {
            prompt.AppendLine("Earlier lines and how they were translated:");
            foreach (var line in batch.PrecedingContext)
            {
                prompt.Append("- ").Append(OneLine(line.Source)).Append(" => ").AppendLine(OneLine(line.Translation));
            }
        }

        if (batch.FollowingContext.Count > 0)
        {
            prompt.AppendLine("Lines that follow (context only, do not translate):");
            foreach (var line in batch.FollowingContext)
            {
                prompt.Append("- ").AppendLine(OneLine(line));
            }
        }

        if (batch.PreviousErrors is { Count: > 0 } errors)
        {
            prompt.AppendLine("Your previous answer to this request was rejected. Fix these problems:");
            foreach (var error in errors)
            {
                prompt.Append("- ").AppendLine(OneLine(keys.InError(error)));
            }
        }

        var segments = new JsonObject();
        foreach (var segment in batch.Segments)
        {
            segments[keys.KeyOf(segment.Id)] = segment.Text;
        }

        if (batch.Drafts is { } drafts)
        {
            // The drafts go last, where the reply's shape is read from; the sources sit just above them.
            prompt.AppendLine("Source lines (JSON, id to text):").AppendLine(segments.ToJsonString(Json));
            prompt.AppendLine($"Proofread these {drafts.Count} translations (JSON, id to current translation):");
            var current = new JsonObject();
            foreach (var draft in drafts)
            {
                current[keys.KeyOf(draft.Id)] = draft.Text;
            }

            prompt.Append(current.ToJsonString(Json));
            return prompt.ToString();
        }

        prompt.AppendLine($"Translate these {batch.Segments.Count} segments (JSON, id to text):");
        prompt.Append(segments.ToJsonString(Json));
        return prompt.ToString();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
