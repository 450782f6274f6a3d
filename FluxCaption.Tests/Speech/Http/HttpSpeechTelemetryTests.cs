using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using FluxCaption.Core.Speech;
using FluxCaption.Core.Speech.Http;
using FluxCaption.Tests.TestServers.ScriptedSpeech;

namespace FluxCaption.Tests.Speech.Http;

public sealed class HttpSpeechTelemetryTests
{
    [Fact]
    public async Task WindowsAreCountedByEngineModelAndOutcomeAndFailuresByTheirCode()
    {
        var cancellation = TestContext.Current.CancellationToken;

        // Tests run in parallel: a model name of its own keeps this test's measurements apart.
        var model = "whisper-telemetry-" + Guid.NewGuid().ToString("N");
        var measured = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == HttpSpeechTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, string?>();
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value?.ToString();
            }

            if (map.GetValueOrDefault("model") == model)
            {
                measured.Enqueue((instrument.Name, value, map));
            }
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();

        await using var window = await SpokenWindow.CreateAsync();
        await using var server = await ScriptedOpenAiTranscriptionServer.StartAsync(cancellationToken: cancellation);
        server.Script.Utterances = [new(0.1, 1.0, "Hello there.")];
        await using var services = HttpSpeechTestServices.Build(new Dictionary<string, string?> { ["Speech:OpenAi:Endpoint"] = server.Endpoint.ToString() });
        var engine = HttpSpeechTestServices.Engine(services, SpeechEngineNames.OpenAi);
        await engine.TranscribeAsync(new TranscriptionRequest(window.Path, "en", model), cancellation);
        server.Script.MaxUploadBytes = 100;
        await Should.ThrowAsync<SpeechRecognitionException>(() => engine.TranscribeAsync(new TranscriptionRequest(window.Path, "en", model), cancellation));

        var all = measured.ToList();
        all.Where(m => m.Instrument == "fluxcaption.speech.requests").Select(m => (m.Tags["engine"], m.Tags["outcome"]))
            .ShouldBe([("openai", "succeeded"), ("openai", "error")]);
        all.Where(m => m.Instrument == "fluxcaption.speech.errors").ShouldHaveSingleItem().Tags["error.type"].ShouldBe(HttpSpeechErrorCodes.Rejected);
        all.Where(m => m.Instrument == "fluxcaption.speech.audio").ShouldHaveSingleItem().Value.ShouldBe(window.Seconds, 0.001);
        all.Count(m => m.Instrument == "fluxcaption.speech.request.duration").ShouldBe(2);
    }
}
