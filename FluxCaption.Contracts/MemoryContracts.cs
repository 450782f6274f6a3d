namespace FluxCaption.Contracts;

/// <summary>
/// One translation-memory entry as the Api returns it. Texts carry the memory's placeholders (⟦1⟧)
/// where the subtitle had markup. <paramref name="EditedAt"/> is set once a person changed the target.
/// </summary>
public sealed record MemoryEntry(
    long Id,
    string SourceLanguage,
    string TargetLanguage,
    string Engine,
    string Model,
    string Source,
    string Target,
    string? KeptReason,
    long HitCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUsedAt,
    DateTimeOffset? EditedAt);

public sealed record MemoryPage(IReadOnlyList<MemoryEntry> Items, int Page, int PageSize, int Total);

/// <summary>How many entries one (pair, engine, model) holds, and how many of them a person edited.</summary>
public sealed record MemoryGroupCount(string SourceLanguage, string TargetLanguage, string Engine, string Model, int Entries, int Edited);

/// <summary>The body of PUT /api/memory/{id}: the corrected translation.</summary>
public sealed record MemoryEntryEdit(string? Target);

/// <summary>What DELETE /api/memory removed.</summary>
public sealed record MemoryDeleteResult(int Deleted);

/// <summary>
/// What a TMX import did. Units are counted per target variant: new entries, entries whose text changed,
/// identical ones left alone, and skipped variants with the first reasons why.
/// </summary>
public sealed record MemoryImportResult(int Created, int Updated, int Unchanged, int Skipped, IReadOnlyList<string> SkipReasons);
