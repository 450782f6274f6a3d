using System.Collections.Concurrent;
using FluxCaption.Core.Translation;

namespace FluxCaption.Tests.Pipeline;

/// <summary>
/// A deterministic engine for pipeline tests: "Hello" becomes "[es] Hello". It counts every segment it
/// is asked for, can slow each batch down, and can hold batches at a gate the test opens.
/// </summary>
public sealed class PrefixingTranslationEngine : ITranslationEngine
{
    private readonly ConcurrentDictionary<string, int> _requests = new();
    private int _batches;

    public string Name => "prefix";

    public TimeSpan BatchDelay { get; set; }

    /// <summary>When set, each batch waits for one release of this semaphore before answering.</summary>
    public SemaphoreSlim? Gate { get; set; }

    /// <summary>Released once whenever a batch has been received (before the gate).</summary>
    public SemaphoreSlim BatchStarted { get; } = new(0);

    public int BatchCount => Volatile.Read(ref _batches);

    /// <summary>When set, the batch with this 1-based number throws the exception instead of answering (once).</summary>
    public (int Batch, Exception Error)? FailAt { get; set; }

    /// <summary>Segment texts answered unchanged, untranslated, as a model sometimes leaves short lines; change it only between jobs.</summary>
    public HashSet<string> KeepUntranslated { get; } = new(StringComparer.Ordinal);

    /// <summary>How often each segment id was sent to the engine.</summary>
    public IReadOnlyDictionary<string, int> Requests => _requests;

    public bool Supports(string sourceLanguage, string targetLanguage) => true;

    public async Task<IReadOnlyList<TranslatedSegment>> TranslateAsync(TranslationBatch batch, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _batches);
        foreach (var segment in batch.Segments)
        {
            _requests.AddOrUpdate(segment.Id, 1, (_, count) => count + 1);
        }

        BatchStarted.Release();
        if (FailAt is { } failure && failure.Batch == number)
        {
            throw failure.Error;
        }
        if (Gate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        if (BatchDelay > TimeSpan.Zero)
        {
            await Task.Delay(BatchDelay, cancellationToken);
        }

        return batch.Segments.Select(segment => new TranslatedSegment(
            segment.Id, KeepUntranslated.Contains(segment.Text) ? segment.Text : $"[{batch.TargetLanguage}] {segment.Text}")).ToList();
    }
}
