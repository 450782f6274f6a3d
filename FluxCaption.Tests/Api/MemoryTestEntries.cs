using FluxCaption.Core.Data;
using FluxCaption.Core.Translation.Memory;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Tests.Api;

/// <summary>Translation-memory rows written straight into a test database, keyed as a job keys them.</summary>
public static class MemoryTestEntries
{
    public static TranslationMemoryEntry Entry(
        string source, string target, string sourceLanguage = "en", string targetLanguage = "es",
        string engine = "ollama", string model = "qwen2.5:7b", string? keptReason = null, DateTimeOffset? editedAt = null)
    {
        var normalized = TranslationMemoryKey.Normalize(source);
        return new TranslationMemoryEntry
        {
            SourceLang = sourceLanguage,
            TargetLang = targetLanguage,
            SourceHash = TranslationMemoryKey.Hash(normalized),
            Engine = engine,
            Model = model,
            SourceText = normalized,
            TargetText = target,
            KeptReason = keptReason,
            EditedAt = editedAt,
            CreatedAt = new DateTimeOffset(2026, 11, 1, 8, 30, 0, TimeSpan.Zero),
            LastUsedAt = new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero),
        };
    }

    public static async Task AddAsync(string connectionString, params TranslationMemoryEntry[] entries)
    {
        await using var db = Open(connectionString);
        db.AddRange(entries);
        await db.SaveChangesAsync();
    }

    public static async Task<List<TranslationMemoryEntry>> AllAsync(string connectionString)
    {
        await using var db = Open(connectionString);
        return await db.Set<TranslationMemoryEntry>().AsNoTracking().OrderBy(e => e.SourceText).ThenBy(e => e.TargetLang).ToListAsync();
    }

    private static FluxCaptionDbContext Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<FluxCaptionDbContext>();
        DataExtensions.Configure(options, connectionString);
        return new FluxCaptionDbContext(options.Options);
    }
}
