using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Whisper.net;

namespace FluxCaption.Core.Speech.WhisperNet;

/// <summary>
/// Keeps each model file loaded once per process (one <see cref="WhisperFactory"/>, shared by every window
/// and job) and releases it once it has had no transcription in flight for
/// <see cref="WhisperNetOptions.IdleUnloadAfter"/>. Reports what it holds through the "FluxCaption.Speech" meter.
/// </summary>
public sealed partial class WhisperModelCache : IDisposable
{
    public const string MeterName = "FluxCaption.Speech";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LoadedModel> _loaded = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly TimeSpan _idleUnloadAfter;
    private readonly TimeProvider _time;
    private readonly ILogger<WhisperModelCache> _logger;
    private readonly ITimer _sweeper;
    private readonly Counter<long> _loads;
    private bool _disposed;

    public WhisperModelCache(IOptions<WhisperNetOptions> options, IMeterFactory meters, TimeProvider time, ILogger<WhisperModelCache> logger)
    {
        _idleUnloadAfter = options.Value.IdleUnloadAfter;
        _time = time;
        _logger = logger;

        var meter = meters.Create(MeterName);
        _loads = meter.CreateCounter<long>("fluxcaption.speech.model.loads", "{load}", "Whisper models loaded into memory (a reload after an idle unload counts again)");
        meter.CreateObservableGauge("fluxcaption.speech.models.loaded", () => LoadedCount, "{model}", "Whisper models loaded in this process");
        meter.CreateObservableGauge("fluxcaption.speech.models.memory", ObserveMemory, "By", "Bytes of the loaded whisper model weights, by model file");

        // Sweeping at a quarter of the idle time unloads at most a quarter late.
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(10).Ticks, _idleUnloadAfter.Ticks / 4));
        _sweeper = time.CreateTimer(_ => Sweep(), null, period, period);
    }

    public int LoadedCount
    {
        get
        {
            lock (_lock)
            {
                return _loaded.Count;
            }
        }
    }

    /// <summary>Loads the model unless it is loaded already; the lease keeps it loaded until disposed.</summary>
    public async Task<WhisperModelLease> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        if (TryLease(path) is { } lease)
        {
            return lease;
        }

        // One load at a time: two large models loading side by side only compete for memory and disk.
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (TryLease(path) is { } loadedMeanwhile)
            {
                return loadedMeanwhile;
            }

            var bytes = new FileInfo(path).Length;
            var before = Environment.WorkingSet;
            var factory = await Task.Run(() => Load(path), cancellationToken);
            var model = new LoadedModel(path, factory, bytes) { InFlight = 1 };
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _loaded[path] = model;
            }

            _loads.Add(1, new KeyValuePair<string, object?>("model", Path.GetFileName(path)));
            LogLoaded(path, bytes, Environment.WorkingSet - before);
            return new WhisperModelLease(model, Release);
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose()
    {
        List<LoadedModel> models;
        lock (_lock)
        {
            _disposed = true;
            models = [.. _loaded.Values];
            _loaded.Clear();
        }

        _sweeper.Dispose();
        foreach (var model in models)
        {
            model.Factory.Dispose();
        }
    }

    private static WhisperFactory Load(string path)
    {
        GgmlModelFile.Check(path);
        WhisperFactory? factory = null;
        try
        {
            factory = WhisperFactory.FromPath(path);

            // The native model loads lazily on first use; a builder forces it here, where failure is expected.
            factory.CreateBuilder();
            return factory;
        }
        catch (WhisperModelLoadException e)
        {
            factory?.Dispose();
            throw new SpeechRecognitionException(
                "speech_model_corrupt",
                $"Whisper.net could not load the model {path}: it is not a whisper ggml model this version reads, or it is damaged. Replace the file.",
                isTransient: false,
                e);
        }
    }

    private WhisperModelLease? TryLease(string path)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_loaded.TryGetValue(path, out var model))
            {
                return null;
            }

            model.InFlight++;
            return new WhisperModelLease(model, Release);
        }
    }

    private void Release(LoadedModel model)
    {
        lock (_lock)
        {
            model.InFlight--;
            model.LastUsed = _time.GetTimestamp();
        }
    }

    private void Sweep()
    {
        List<LoadedModel> idle;
        lock (_lock)
        {
            idle = [.. _loaded.Values.Where(m => m.InFlight == 0 && _time.GetElapsedTime(m.LastUsed) >= _idleUnloadAfter)];
            foreach (var model in idle)
            {
                _loaded.Remove(model.Path);
            }
        }

        foreach (var model in idle)
        {
            model.Factory.Dispose();
            LogUnloaded(model.Path, _idleUnloadAfter);
        }
    }

    private IEnumerable<Measurement<long>> ObserveMemory()
    {
        lock (_lock)
        {
            return [.. _loaded.Values.Select(m => new Measurement<long>(m.Bytes, new KeyValuePair<string, object?>("model", Path.GetFileName(m.Path))))];
        }
    }

    [LoggerMessage(LogLevel.Information, "Loaded whisper model {Path}: {ModelBytes} bytes of weights, working set grew by {WorkingSetDelta} bytes")]
    private partial void LogLoaded(string path, long modelBytes, long workingSetDelta);

    [LoggerMessage(LogLevel.Information, "Unloaded whisper model {Path} after {IdleTime} without work")]
    private partial void LogUnloaded(string path, TimeSpan idleTime);
}
