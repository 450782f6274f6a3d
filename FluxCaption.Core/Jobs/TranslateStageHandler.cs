using System.Text.Json;
using FluxCaption.Contracts;
using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using FluxCaption.Core.Languages;
using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Engines;
using FluxCaption.Core.Translation.Glossary;
using FluxCaption.Core.Translation.Output;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// The translate stage of one leased job: resumes from the checkpoint, commits every finished batch
/// with the progress in one conditional update, and stores the result as a new subtitle document.
/// </summary>
internal sealed class TranslateStageHandler(
    FluxCaptionDbContext db,
    ISubtitleContentCodec codec,
    ISubtitleTranslator translator,
    TranslationOutputBuilder outputBuilder,
    JobStateStore state,
    JobEventRecorder events,
    TimeProvider clock)
{
    /// <summary>Runs to a committed success; false when the lease was lost at the end. Throws to fail, stop or requeue.</summary>
    public async Task<bool> RunAsync(Job job, string owner, CancellationToken cancellationToken)
    {
        var source = await db.SubtitleDocuments.AsNoTracking()
            .SingleOrDefaultAsync(document => document.Id == job.SourceDocumentId, cancellationToken)
            ?? throw new JobFailureException(JobErrorCodes.SourceDocumentMissing, $"Source document {job.SourceDocumentId} does not exist.");
        // Unknown is a valid answer for an LLM, which recognises the language itself; an engine with
        // fixed pairs refuses it (pair_unsupported), and the Api already refuses such jobs up front.
        var sourceLanguage = job.SourceLanguage ?? source.Language ?? LanguageCodes.Undetermined;
        var document = codec.Read(source.Content, source.Format);
        var checkpoint = JobCheckpoint.Read(job.Checkpoint);
        var completed = checkpoint.Cues;
        // A retry that asks for the kept lines again must not checkpoint their old warnings with the new outcome.
        var warned = new List<TranslationWarning>(checkpoint.Warnings.Where(w => !job.RetranslateKept || w.Code != "kept_source"));

        // The estimate is made once, when the job first plans its translation: a resumed or retried attempt
        // is compared with it and adds its spending to the earlier attempts'.
        var budget = JobBudgetJson.Read(job.Budget);
        var spentBefore = budget.Spent ?? JobBudgetFigures.None;

        // Batches may finish in parallel; one DbContext must see one writer at a time.
        using var gate = new SemaphoreSlim(1, 1);
        // Engines that already took over in this run: the timeline says so once each, the warnings have every line.
        var announced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var request = new SubtitleTranslationRequest(document, sourceLanguage, job.TargetLanguage, job.Engine, job.Model,
            new Dictionary<int, string>(completed), source.FileName)
        {
            Glossary = JobGlossary(job),
            Proofread = job.Proofread,

            Fallback = JobFallback(job),
            KeptSourceCues = checkpoint.KeptSourceCues,
            EarlierWarnings = checkpoint.Warnings,
            RetranslateKept = job.RetranslateKept,
            OnEstimated = async (estimate, token) =>
            {
                budget = new JobBudget(budget.Estimate ?? estimate, spentBefore);
                if (!await state.SaveBudgetAsync(job.Id, owner, JobBudgetJson.Write(budget), token))
                {
                    throw new LeaseLostException(job.Id);
                }
            },
        };
        var result = await translator.TranslateAsync(request, async (report, token) =>
        {
            await gate.WaitAsync(token);
            try
            {
                foreach (var (index, text) in report.Cues)
                {
                    completed[index] = text;
                }

                warned.AddRange(report.Warnings);
                await AnnounceFallbacksAsync(job.Id, report.Warnings, announced, token);

                var progress = report.TotalCueCount == 0 ? 1.0 : (double)report.CompletedCueCount / report.TotalCueCount;
                budget = budget with { Spent = spentBefore.Plus(report.Spent) };
                if (!await state.SaveCheckpointAsync(job.Id, owner, JobCheckpoint.Write(completed, warned), progress, token, JobBudgetJson.Write(budget)))
                {
                    throw new LeaseLostException(job.Id);
                }

                await events.ProgressAsync(job, progress);
            }
            finally
            {
                gate.Release();
            }
        }, cancellationToken);

        var cueEngines = result.Warnings
            .Where(w => w.Code == SubtitleTranslator.FallbackEngineCode && w.Engine is not null)
            .GroupBy(w => w.CueIndex)
            .ToDictionary(group => group.Key, group => group.Last().Engine!);
        var output = outputBuilder.Build(document, result.Document, job.OutputFormat, job.TargetLanguage, job.Engine, job.Bilingual, cueEngines);
        var resultDocument = new SubtitleDocumentEntity
        {
            Id = Guid.CreateVersion7(),
            Format = job.OutputFormat,
            Language = job.TargetLanguage,
            Origin = SubtitleDocumentOrigin.Mt,
            Content = codec.Write(output),
            FileName = ResultFileNames.For(source.FileName, job.TargetLanguage, job.OutputFormat),
            Engine = job.Engine,
            Model = job.Model,
            SourceDocumentId = source.Id,
            // A translation of a forced or SDH track is one too: written back and counted as such.
            IsForced = source.IsForced,
            IsHearingImpaired = source.IsHearingImpaired,
            CreatedAt = clock.GetUtcNow(),
        };
        var warnings = TranslationWarningsJson.Write(
            result with { DocumentWarnings = [.. SourceWarnings.Read(job.Warnings), .. ParserWarnings.For(document, job.OutputFormat), .. result.DocumentWarnings] });

        // Proofreading spends after the last batch report: the final figures go in before the result does.
        if (!await state.SaveBudgetAsync(job.Id, owner, JobBudgetJson.Write(budget with { Spent = spentBefore.Plus(result.Spent) }), cancellationToken))
        {
            return false;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.SubtitleDocuments.Add(resultDocument);
            await db.SaveChangesAsync(cancellationToken);
            await db.Jobs.Where(row => row.Id == job.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(row => row.TranslatedCues, completed.Count), cancellationToken);
            // A library job still has its write-back ahead; a file job ends here. The checkpoint stays
            // either way: asking again for kept lines (retry on a succeeded job) starts from it.
            var committed = job.MediaItemId is null
                ? await state.CompleteAsync(job.Id, owner, resultDocument.Id, warnings, cancellationToken)
                : await state.AdvanceAsync(job.Id, owner,
                    new StageAdvance(JobStage.Writeback) { ResultDocumentId = resultDocument.Id, Warnings = warnings },
                    cancellationToken) is not null;
            if (!committed)
            {
                // Cancelled meanwhile or lease lost: the result is not kept.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return true;
        });
    }

    private static IReadOnlyList<EngineChoice> JobFallback(Job job)
    {
        try
        {
            return EngineChainJson.Parse(job.FallbackEngines);
        }
        catch (JsonException error)
        {
            throw new JobFailureException(JobErrorCodes.ParseError, $"The job's fallback engines are not a list of engines: {error.Message}", inner: error);
        }
    }

    private static IReadOnlyList<GlossaryTerm> JobGlossary(Job job)
    {
        try
        {
            return GlossaryJson.Parse(job.Glossary);
        }
        catch (JsonException error)
        {
            throw new JobFailureException(JobErrorCodes.ParseError, $"The job's glossary is not a list of terms: {error.Message}", inner: error);
        }
    }

    private async Task AnnounceFallbacksAsync(Guid jobId, IReadOnlyList<TranslationWarning> warnings, HashSet<string> announced, CancellationToken cancellationToken)
    {
        foreach (var first in warnings.Where(w => w.Code == SubtitleTranslator.FallbackEngineCode && w.Engine is not null).GroupBy(w => w.Engine!).Select(group => group.First()))
        {
            if (announced.Add(first.Engine!))
            {
                await events.RecordAsync(jobId, JobEventTypes.FallbackEngine, $"{first.Engine} took over from cue {first.CueIndex + 1}: {first.Message}", cancellationToken);
            }
        }
    }
}
