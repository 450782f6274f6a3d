using System.Text.Json.Nodes;

namespace FluxCaption.Tests.TestServers.ScriptedSpeech;

/// <summary>whisper-asr-webservice's output=json for a script, as each of its ASR engines writes it.</summary>
internal static class ScriptedWhisperAsrReplies
{
    public const double AverageLogProbability = -0.3;
    public const double NoSpeechProbability = 0.02;
    public const double WordProbability = 0.87;

    public static JsonObject Json(WhisperAsrFlavour flavour, TranscriptionScript script, double seconds, string language, bool words)
    {
        var segments = new JsonArray();
        var wordSegments = new JsonArray();
        var i = 0;
        foreach (var utterance in script.UtterancesWithin(seconds))
        {
            var timed = utterance.Words(seconds);
            segments.Add(flavour switch
            {
                WhisperAsrFlavour.FasterWhisperTuples => new JsonArray(
                    i, 0, utterance.Start, utterance.End, " " + utterance.Text, new JsonArray(50_364 + i), 0.0,
                    AverageLogProbability, 1.2, NoSpeechProbability,
                    words ? new JsonArray([.. timed.Select(w => (JsonNode)new JsonArray(w.Start, w.End, " " + w.Word, WordProbability))]) : null),
                WhisperAsrFlavour.WhisperX => new JsonObject
                {
                    ["start"] = utterance.Start,
                    ["end"] = utterance.End,
                    ["text"] = " " + utterance.Text,
                    ["words"] = new JsonArray([.. timed.Select(w => (JsonNode)new JsonObject { ["word"] = w.Word, ["start"] = w.Start, ["end"] = w.End, ["score"] = WordProbability })]),
                },
                _ => new JsonObject
                {
                    ["id"] = i,
                    ["seek"] = 0,
                    ["start"] = utterance.Start,
                    ["end"] = utterance.End,
                    ["text"] = " " + utterance.Text,
                    ["tokens"] = new JsonArray(50_364 + i),
                    ["temperature"] = 0.0,
                    ["avg_logprob"] = AverageLogProbability,
                    ["compression_ratio"] = 1.2,
                    ["no_speech_prob"] = NoSpeechProbability,
                    ["words"] = words
                        ? new JsonArray([.. timed.Select(w => (JsonNode)new JsonObject { ["word"] = " " + w.Word, ["start"] = w.Start, ["end"] = w.End, ["probability"] = WordProbability })])
                        : flavour == WhisperAsrFlavour.FasterWhisper ? null : new JsonArray(),
                },
            });
            foreach (var (start, end, word) in timed)
            {
                wordSegments.Add(new JsonObject { ["word"] = word, ["start"] = start, ["end"] = end, ["score"] = WordProbability });
            }

            i++;
        }

        if (flavour == WhisperAsrFlavour.WhisperX)
        {
            // whisperx.align returns segments and word_segments only: the language is gone.
            return new JsonObject { ["segments"] = segments, ["word_segments"] = wordSegments };
        }

        return new JsonObject
        {
            ["text"] = string.Concat(script.UtterancesWithin(seconds).Select(u => " " + u.Text)),
            ["segments"] = segments,
            ["language"] = language,
        };
    }
}
