using FluxCaption.Core.Translation;

namespace FluxCaption.Tests.Pipeline;

/// <summary>
/// Stands in for the real subtitle translator in pipeline tests: fixed-size batches of the cues not
/// yet in the checkpoint, one engine call per batch, one report per batch.
/// </summary>
public sealed class BatchingTestTranslator(ITranslationEngine engine) : ISubtitleTranslator
{
    public const int BatchSize = 2;

    public async Task<SubtitleTranslationResult> TranslateAsync(
        SubtitleTranslationRequest request,
        Func<TranslatedBatchReport, CancellationToken, Task> onBatchCompleted,
        CancellationToken cancellationToken)
    {
        var translated = new Dictionary<int, string>(request.CompletedCues);
        var pending = Enumerable.Range(0, request.Document.Cues.Count).Where(index => !translated.ContainsKey(index)).ToList();
        foreach (var chunk in pending.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = new TranslationBatch(request.SourceLanguage, request.TargetLanguage, request.Model,
                chunk.Select(index => new TranslationSegment(index.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Document.Cues[index].Text)).ToList(),
                [], []);
            var answers = await engine.TranslateAsync(batch, cancellationToken);
            var cues = answers.ToDictionary(answer => int.Parse(answer.Id, System.Globalization.CultureInfo.InvariantCulture), answer => answer.Text);
            foreach (var (index, text) in cues)
            {
                translated[index] = text;
            }

            await onBatchCompleted(new TranslatedBatchReport(cues, translated.Count, request.Document.Cues.Count), cancellationToken);
        }

        var document = new Core.Subtitles.SubtitleDocument
        {
            Format = request.Document.Format,
            NewLine = request.Document.NewLine,
            EndsWithNewLine = request.Document.EndsWithNewLine,
            WebVtt = request.Document.WebVtt,
            Ass = request.Document.Ass,
            Cues = request.Document.Cues.Select((cue, index) =>
            {
                var copy = cue.Clone();
                copy.Text = translated[index];
                return copy;
            }).ToList(),
        };
        return new SubtitleTranslationResult(document, []);
    }
}
