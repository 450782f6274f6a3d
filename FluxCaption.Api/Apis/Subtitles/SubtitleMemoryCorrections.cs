using FluxCaption.Contracts.Subtitles;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Translation.Memory;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis.Subtitles;

/// <summary>
/// A person's corrected line in a translation also corrects the translation memory, as the memory
/// page would (<c>edited_at</c> set, a kept reason cleared), so the next job of the same scope (pair,
/// engine, model) uses it. Only plain one-line cues are matched: the memory is keyed by the protected
/// text, which for a line without markup or line breaks is the line itself; anything else is left
/// to the memory page rather than guessed. Only entries that exist are changed.
/// </summary>
internal static class SubtitleMemoryCorrections
{
    public static async Task<int> ApplyAsync(
        FluxCaptionDbContext db, Job? job, string? sourceLanguage, IReadOnlyList<SubtitleCueView> cues, IReadOnlyCollection<int> edited,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (job is null || (job.SourceLanguage ?? sourceLanguage) is not { } from)
        {
            return 0;
        }

        var corrections = cues.Where(cue => edited.Contains(cue.Index) && cue.SourceText is { } source && IsPlain(source) && IsPlain(cue.Text)
                && !string.Equals(cue.Text.Trim(), source.Trim(), StringComparison.Ordinal))
            .GroupBy(cue => TranslationMemoryKey.Hash(TranslationMemoryKey.Normalize(cue.SourceText!)))
            .ToDictionary(group => group.Key, group => group.Last().Text.Trim());
        if (corrections.Count == 0)
        {
            return 0;
        }

        var hashes = corrections.Keys.ToList();
        var model = job.Model ?? "";
        var entries = await db.TranslationMemory
            .Where(entry => entry.SourceLang == from && entry.TargetLang == job.TargetLanguage && entry.Engine == job.Engine
                && entry.Model == model && hashes.Contains(entry.SourceHash))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var entry in entries)
        {
            (entry.TargetText, entry.KeptReason, entry.EditedAt) = (corrections[entry.SourceHash], null, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return entries.Count;
    }

    private static bool IsPlain(string text) => text.IndexOfAny(['<', '>', '{', '}', '\\', '\n', '\r']) < 0;
}
