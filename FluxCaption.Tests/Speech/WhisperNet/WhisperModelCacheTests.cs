using FluxCaption.Core.Speech;
using FluxCaption.Core.Speech.WhisperNet;
using FluxCaption.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics.Metrics;

namespace FluxCaption.Tests.Speech.WhisperNet;

/// <summary>A model is loaded once, shared by concurrent windows, released when idle and loaded again when needed.</summary>
public sealed class WhisperModelCacheTests
{
    [Fact]
    public async Task ConcurrentWindowsShareOneLoadedModelAndItsMemoryIsReported()
    {
        using var host = new WhisperNetTestHost();
        using var metrics = new RecordedMeasurements(host.Services.GetRequiredService<IMeterFactory>(), WhisperModelCache.MeterName);
        var wav = await SpokenAudio.CreateAsync(host.Scratch, "One window and another window.");
        var model = new FileInfo(Path.Combine(host.ModelsFolder, "ggml-test.bin"));

        var transcripts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            host.Engine.TranscribeAsync(new TranscriptionRequest(wav, "en"), TestContext.Current.CancellationToken)));

        transcripts.ShouldAllBe(t => t.Segments.Count > 0);
        metrics.Sum("fluxcaption.speech.model.loads", ("model", model.Name)).ShouldBe(1);
        metrics.Observe("fluxcaption.speech.models.loaded").ShouldBe(1);
        metrics.Observe("fluxcaption.speech.models.memory", ("model", model.Name)).ShouldBe(model.Length);
    }

    [Fact]
    public async Task AnIdleModelIsUnloadedAndLoadedAgainOnTheNextWindow()
    {
        using var host = new WhisperNetTestHost(settings: new Dictionary<string, string?> { ["IdleUnloadAfter"] = "00:00:00.300" });
        using var metrics = new RecordedMeasurements(host.Services.GetRequiredService<IMeterFactory>(), WhisperModelCache.MeterName);
        var wav = await SpokenAudio.CreateAsync(host.Scratch, "Loaded, idle, and loaded again.");

        await host.Engine.TranscribeAsync(new TranscriptionRequest(wav, "en"), TestContext.Current.CancellationToken);
        host.Cache.LoadedCount.ShouldBe(1);
        metrics.Sum("fluxcaption.speech.model.loads").ShouldBe(1);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (host.Cache.LoadedCount > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        host.Cache.LoadedCount.ShouldBe(0);
        metrics.Observe("fluxcaption.speech.models.memory").ShouldBeNull();

        var again = await host.Engine.TranscribeAsync(new TranscriptionRequest(wav, "en"), TestContext.Current.CancellationToken);

        // Observing the gauge above cleared what was recorded before: this load is the second.
        again.Segments.ShouldNotBeEmpty();
        metrics.Sum("fluxcaption.speech.model.loads").ShouldBe(1);
        host.Cache.LoadedCount.ShouldBe(1);
    }

    [Fact]
    public async Task AModelInUseIsNotUnloadedWhileItsLeaseIsOpen()
    {
        using var host = new WhisperNetTestHost(settings: new Dictionary<string, string?> { ["IdleUnloadAfter"] = "00:00:00.100" });
        var path = await host.Store.GetModelPathAsync(null, TestContext.Current.CancellationToken);

        using (var lease = await host.Cache.AcquireAsync(path, TestContext.Current.CancellationToken))
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            host.Cache.LoadedCount.ShouldBe(1);
            lease.Factory.ShouldNotBeNull();
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (host.Cache.LoadedCount > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        host.Cache.LoadedCount.ShouldBe(0);
    }
}
