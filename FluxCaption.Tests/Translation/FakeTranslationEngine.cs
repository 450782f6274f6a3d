using System.Collections.Concurrent;
using FluxCaption.Core.Translation;

namespace FluxCaption.Tests.Translation;

/// <summary>
/// A deterministic engine: it "translates" by upper-casing (placeholders survive that unchanged) and
/// records every batch it receives. <see cref="Tamper"/> lets a test make a reply misbehave; it gets
/// the batch, the honest reply and the 1-based call number.
/// </summary>
internal sealed class FakeTranslationEngine(string name = "fake") : ITranslationEngine
{
    private readonly ConcurrentQueue<TranslationBatch> _batches = new();

    public string Name { get; } = name;

    public Func<TranslationBatch, List<TranslatedSegment>, int, IReadOnlyList<TranslatedSegment>>? Tamper { get; init; }

    public Func<string, string, bool> SupportsPair { get; init; } = (_, _) => true;

    public IReadOnlyList<TranslationBatch> Batches => [.. _batches];

    /// <summary>Every segment id sent, in call order (an id appears again when it was re-asked).</summary>
    public IReadOnlyList<string> SentIds => [.. _batches.SelectMany(b => b.Segments.Select(s => s.Id))];

    public bool Supports(string sourceLanguage, string targetLanguage) => SupportsPair(sourceLanguage, targetLanguage);

    public Task<IReadOnlyList<TranslatedSegment>> TranslateAsync(TranslationBatch batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _batches.Enqueue(batch);
        var honest = batch.Segments.Select(s => new TranslatedSegment(s.Id, s.Text.ToUpperInvariant())).ToList();
        return Task.FromResult(Tamper is null ? honest : Tamper(batch, honest, _batches.Count));
    }
}
