using Whisper.net;

namespace FluxCaption.Core.Speech.WhisperNet;

/// <summary>Use of a loaded model; while any lease is open the model stays loaded.</summary>
public sealed class WhisperModelLease : IDisposable
{
    private readonly LoadedModel _model;
    private Action<LoadedModel>? _release;

    internal WhisperModelLease(LoadedModel model, Action<LoadedModel> release)
    {
        _model = model;
        _release = release;
    }

    public WhisperFactory Factory => _model.Factory;

    public string Path => _model.Path;

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke(_model);
}

/// <summary>One loaded model file; <see cref="InFlight"/> and <see cref="LastUsed"/> change under the cache's lock.</summary>
internal sealed record LoadedModel(string Path, WhisperFactory Factory, long Bytes)
{
    public int InFlight { get; set; }

    public long LastUsed { get; set; }
}
