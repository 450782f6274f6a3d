using System.Diagnostics;
using System.Globalization;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Subtitles.Protection;
using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Memory;
using FluxCaption.Core.Translation.Ollama;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Benchmarks;

/// <summary>
/// For each slot count: starts a latency-modelling Ollama server, then runs the per-cue baseline,
/// FluxCaption's translator, and FluxCaption's translator again on the same file, one after the other;
/// with more than one slot, also FluxCaption's translator with MaxParallelBatches left at its default.
/// </summary>
public sealed class TranslateBenchmark(TranslateBenchmarkOptions options, TextWriter output)
{
    public async Task<IReadOnlyList<RunResult>> RunAsync(CancellationToken cancellationToken)
    {
        var document = options.Document();
        var sourceTokens = document.Cues.Sum(c => LatencyModel.EstimateTokens(SubtitleMarkupProtector.PlainText(c.Text, document.Format)));
        var distinct = document.Cues.Select(c => c.Text).Distinct(StringComparer.Ordinal).Count();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"File: {document.Cues.Count} generated SRT cues ({options.Shape}, seed {options.Seed}, {distinct} distinct texts, {document.Cues.Average(c => c.Text.Length):0.0} characters a cue, {sourceTokens} source tokens, {(document.Cues[^1].End - document.Cues[0].Start):hh\\:mm\\:ss} long)."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Latency: {options.FixedCostMs} ms per request + {options.CompletionTokenMs} ms per completion token + {options.PromptTokenMs} ms per prompt token, time scale {options.TimeScale}."));

        var results = new List<RunResult>();
        foreach (var slots in options.SlotCounts())
        {
            await using var server = await LatencyOllamaServer.StartAsync(options.Latency, options.TimeScale, slots);
            await using var services = BuildServices(server.Endpoint, parallelBatches: slots);
            var translator = services.GetRequiredService<ISubtitleTranslator>();
            var baseline = new PerCueBaseline(services.GetRequiredService<IHttpClientFactory>(), LatencyOllamaServer.Model);

            results.Add(await MeasureAsync("per-cue + proofread (baseline)", slots, slots, document, sourceTokens, server, async token =>
            {
                var translated = await baseline.TranslateAsync(document, options.SourceLanguage, options.TargetLanguage, slots, token);
                return (translated.Count, 0);
            }, cancellationToken));

            foreach (var strategy in new[] { "FluxCaption", "FluxCaption, same file again" })
            {
                results.Add(await MeasureAsync(strategy, slots, slots, document, sourceTokens, server, async token =>
                {
                    var result = await translator.TranslateAsync(Request(document), (_, _) => Task.CompletedTask, token);
                    var changed = result.Document.Cues.Where((cue, i) => cue.Text != document.Cues[i].Text).Count();
                    return (changed, result.Warnings.Count);
                }, cancellationToken));
            }

            if (slots > 1)
            {
                // Out of the box the translator follows Ollama:MaxParallelRequests (default 4): show
                // what that gives against this server, whatever its slot count.
                await using var defaults = BuildServices(server.Endpoint, parallelBatches: null);
                var sequential = defaults.GetRequiredService<ISubtitleTranslator>();
                var inFlight = new OllamaEngineOptions().MaxParallelRequests;
                results.Add(await MeasureAsync("FluxCaption, MaxParallelBatches left at its default", slots, inFlight, document, sourceTokens, server, async token =>
                {
                    var result = await sequential.TranslateAsync(Request(document), (_, _) => Task.CompletedTask, token);
                    return (result.Document.Cues.Where((cue, i) => cue.Text != document.Cues[i].Text).Count(), result.Warnings.Count);
                }, cancellationToken));
            }
        }

        return results;
    }

    private SubtitleTranslationRequest Request(SubtitleDocument document) => new(
        document,
        options.SourceLanguage,
        options.TargetLanguage,
        OllamaTranslationEngine.EngineName,
        Model: null,
        CompletedCues: new Dictionary<int, string>(),
        Title: "Benchmark Film");

    private async Task<RunResult> MeasureAsync(
        string strategy,
        int slots,
        int inFlight,
        SubtitleDocument document,
        int sourceTokens,
        LatencyOllamaServer server,
        Func<CancellationToken, Task<(int Translated, int Warnings)>> run,
        CancellationToken cancellationToken)
    {
        server.TakeCounters();
        var started = Stopwatch.GetTimestamp();
        var (translated, warnings) = await run(cancellationToken);
        var wall = Stopwatch.GetElapsedTime(started);
        var result = new RunResult(strategy, slots, document.Cues.Count, sourceTokens, server.TakeCounters(), wall, options.TimeScale, translated, warnings, inFlight);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  N={slots} {strategy}: {result.Counters.Requests} requests ({result.Counters.RecoveryRequests} recovery), {wall.TotalSeconds:0.0} s wall ({result.ModelSeconds:0} model s), {translated} cues translated, {warnings} warnings."));
        return result;
    }

    private ServiceProvider BuildServices(Uri endpoint, int? parallelBatches)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:llm"] = $"Endpoint={endpoint.GetLeftPart(UriPartial.Authority)};Model={LatencyOllamaServer.Model}",
        };
        if (parallelBatches is { } parallel)
        {
            settings[$"{TranslationOptions.SectionName}:{nameof(TranslationOptions.MaxParallelBatches)}"] = parallel.ToString(CultureInfo.InvariantCulture);
        }

        if (options.MaxCuesPerBatch > 0)
        {
            settings[$"{TranslationOptions.SectionName}:{nameof(TranslationOptions.MaxCuesPerBatch)}"] = options.MaxCuesPerBatch.ToString(CultureInfo.InvariantCulture);
        }

        if (options.MaxTokensPerBatch > 0)
        {
            settings[$"{TranslationOptions.SectionName}:{nameof(TranslationOptions.MaxTokensPerBatch)}"] = options.MaxTokensPerBatch.ToString(CultureInfo.InvariantCulture);
        }

        if (options.BudgetCeilingFactor >= 0)
        {
            settings[$"{TranslationOptions.SectionName}:{nameof(TranslationOptions.BudgetCeilingFactor)}"] = options.BudgetCeilingFactor.ToString(CultureInfo.InvariantCulture);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSubtitleTranslation();
        services.AddOllamaEngine();

        // The real translation memory semantics without a database: one memory per provider, so the
        // "same file again" run (same provider) is served from it and every other row starts empty.
        services.AddOptions<TranslationMemoryOptions>();
        services.AddSingleton<ITranslationMemory, InMemoryTranslationMemory>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
