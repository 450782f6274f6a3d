using System.Text.Json.Nodes;

namespace FluxCaption.Tests.TestServers.ScriptedSpeech;

/// <summary>The verbose_json transcript of a script, in the shape each OpenAI-compatible server writes it.</summary>
internal static class ScriptedOpenAiTranscriptionReplies
{
    public const double AverageLogProbability = -0.25;
    public const double NoSpeechProbability = 0.01;

    public static JsonObject Verbose(OpenAiTranscriptionFlavour flavour, TranscriptionScript script, double seconds, string language, bool words)
    {
        var utterances = script.UtterancesWithin(seconds).ToList();
        var segments = new JsonArray();
        var topWords = new JsonArray();
        for (var i = 0; i < utterances.Count; i++)
        {
            var utterance = utterances[i];
            segments.Add(flavour switch
            {
                OpenAiTranscriptionFlavour.LocalAi => new JsonObject
                {
                    ["id"] = i,
                    ["start"] = (long)(utterance.Start * 1e9),
                    ["end"] = (long)(utterance.End * 1e9),
                    ["text"] = utterance.Text,
                    ["tokens"] = Tokens(utterance),
                },
                OpenAiTranscriptionFlavour.WhisperCpp => new JsonObject
                {
                    ["id"] = i,
                    ["text"] = " " + utterance.Text,
                    ["start"] = utterance.Start,
                    ["end"] = utterance.End,
                    ["tokens"] = Tokens(utterance),
                    ["words"] = WhisperCppTokens(utterance, seconds),
                    ["temperature"] = 0.0,
                    ["avg_logprob"] = AverageLogProbability,
                },
                _ => new JsonObject
                {
                    ["id"] = i,
                    ["seek"] = 0,
                    ["start"] = utterance.Start,
                    ["end"] = utterance.End,
                    ["text"] = " " + utterance.Text,
                    ["tokens"] = Tokens(utterance),
                    ["temperature"] = 0.0,
                    ["avg_logprob"] = AverageLogProbability,
                    ["compression_ratio"] = 1.1,
                    ["no_speech_prob"] = NoSpeechProbability,
                    ["words"] = null,
                },
            });
            foreach (var (start, end, word) in utterance.Words(seconds))
            {
                topWords.Add(new JsonObject { ["word"] = word, ["start"] = start, ["end"] = end });
            }
        }

        var text = script.FullText(seconds);
        if (flavour == OpenAiTranscriptionFlavour.LocalAi)
        {
            return new JsonObject { ["segments"] = segments, ["text"] = text };
        }

        var reply = new JsonObject
        {
            ["task"] = "transcribe",
            ["language"] = flavour == OpenAiTranscriptionFlavour.Speaches ? language : WhisperLanguageNames.Name(language),
            ["duration"] = Math.Round(seconds, 3),
            ["text"] = text,
            ["segments"] = segments,
        };
        if (flavour == OpenAiTranscriptionFlavour.OpenAi)
        {
            // OpenAI leaves out the segment-level "words" key entirely.
            foreach (var segment in segments.OfType<JsonObject>())
            {
                segment.Remove("words");
            }
        }

        if (words && flavour is OpenAiTranscriptionFlavour.OpenAi or OpenAiTranscriptionFlavour.Speaches)
        {
            reply["words"] = topWords;
        }

        return reply;
    }

    private static JsonArray Tokens(ScriptedUtterance utterance) => [.. utterance.Text.Split(' ').Select((_, i) => (JsonNode)(50_364 + i))];

    /// <summary>whisper.cpp lists tokens, not words: " Hel" + "lo" + "," for "Hello,", each with its own times.</summary>
    private static JsonArray WhisperCppTokens(ScriptedUtterance utterance, double seconds)
    {
        var tokens = new JsonArray();
        foreach (var (start, end, word) in utterance.Words(seconds))
        {
            var core = word.TrimEnd(',', '.', '!', '?');
            var punctuation = word[core.Length..];
            var pieces = core.Length > 4 ? new[] { " " + core[..(core.Length / 2)], core[(core.Length / 2)..] } : [" " + core];
            var all = punctuation.Length > 0 ? [.. pieces, punctuation] : pieces;
            var step = (end - start) / all.Length;
            for (var i = 0; i < all.Length; i++)
            {
                tokens.Add(new JsonObject
                {
                    ["word"] = all[i],
                    ["start"] = Math.Round(start + (i * step), 2),
                    ["end"] = Math.Round(start + ((i + 1) * step), 2),
                    ["t_dtw"] = -1,
                    ["probability"] = 0.9,
                });
            }
        }

        return tokens;
    }
}
