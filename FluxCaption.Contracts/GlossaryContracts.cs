namespace FluxCaption.Contracts;

/// <summary>A global glossary term as clients see it; languages are canonical BCP-47 tags.</summary>
public sealed record GlossaryTermResponse(long Id, string SourceLanguage, string TargetLanguage, string Source, string Target, bool CaseSensitive);

public sealed record GlossaryPageResponse(IReadOnlyList<GlossaryTermResponse> Items, int Page, int PageSize, int Total);

/// <summary>What a bulk import did: new terms, existing terms whose target or case rule changed, and identical ones left alone.</summary>
public sealed record GlossaryImportResponse(int Created, int Updated, int Unchanged);

/// <summary>A term as a client sends it to POST/PUT /api/glossary (the Api validates and normalises it).</summary>
public sealed record GlossaryTermRequest(string? SourceLanguage, string? TargetLanguage, string? Source, string? Target, bool CaseSensitive = false);
