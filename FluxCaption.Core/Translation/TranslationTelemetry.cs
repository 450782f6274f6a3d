using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;

namespace FluxCaption.Core.Translation;

/// <summary>The "FluxCaption.Translation" activity source and meter (hosts add both to OpenTelemetry).</summary>
internal static class TranslationTelemetry
{
    public const string Name = "FluxCaption.Translation";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Engine requests by engine, model and outcome (accepted, refused, error, proofread, proofread_refused).</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "fluxcaption.translation.requests", "{request}", "Translation engine requests by engine, model and outcome");

    /// <summary>Engine requests that threw after the engine's resilience pipeline gave up, by engine, model and error.type.</summary>
    public static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "fluxcaption.translation.errors", "{error}", "Translation engine requests that failed, by engine, model and error type");

    /// <summary>Tokens the LLM engines reported, by engine, model and type (prompt, completion).</summary>
    public static readonly Counter<long> Tokens = Meter.CreateCounter<long>(
        "fluxcaption.translation.tokens", "{token}", "Prompt and completion tokens reported by LLM engines");

    /// <summary>Cues finished by outcome (translated, memory, kept_source...).</summary>
    public static readonly Counter<long> Cues = Meter.CreateCounter<long>(
        "fluxcaption.translation.cues", "{cue}", "Cues finished by outcome");

    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "fluxcaption.translation.request.duration", "s", "Translation engine request latency by engine and model");

    /// <summary>The tags every engine measurement carries; the model only where one is known (Apertium has none).</summary>
    public static TagList EngineTags(string engine, string? model)
    {
        var tags = new TagList { { "engine", engine } };
        if (!string.IsNullOrWhiteSpace(model))
        {
            tags.Add("model", model.Trim());
        }

        return tags;
    }

    /// <summary>Counts the tokens of one chat reply, for the metrics and for the job's spending; servers that report no usage add nothing.</summary>
    public static void RecordUsage(string engine, string model, UsageDetails? usage)
    {
        if (usage?.InputTokenCount is not null || usage?.OutputTokenCount is not null)
        {
            Budget.RequestUsage.Add(usage.InputTokenCount, usage.OutputTokenCount);
        }

        Add(engine, model, "prompt", usage?.InputTokenCount);
        Add(engine, model, "completion", usage?.OutputTokenCount);

        static void Add(string engine, string model, string type, long? count)
        {
            if (count is > 0)
            {
                var tags = EngineTags(engine, model);
                tags.Add("type", type);
                Tokens.Add(count.Value, tags);
            }
        }
    }
}
