using FluxCaption.Api.Extensions;
using FluxCaption.Contracts;
using FluxCaption.Core.Data;
using FluxCaption.Core.Languages;
using FluxCaption.Core.Translation.Glossary;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FluxCaption.Api.Apis;

/// <summary>
/// The installation-wide glossary (glossary_terms): terms every job of a language pair must use.
/// A source term is unique per pair regardless of letter case, because the translator merges terms
/// case-insensitively: a second "shire" beside "Shire" is a conflict (409), not a new term.
/// </summary>
public static class GlossaryApi
{
    public static RouteGroupBuilder MapGlossaryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/glossary").WithTags("Glossary").RequireAuthorization();
        api.MapGet("/", ListAsync).WithName("ListGlossaryTerms").WithSummary("List global glossary terms, filtered by language pair or text");
        api.MapGet("/{id:long}", GetAsync).WithName("GetGlossaryTerm").WithSummary("One glossary term");
        api.MapPost("/", CreateAsync).WithName("CreateGlossaryTerm").WithSummary("Add a term to the global glossary");
        api.MapPut("/{id:long}", UpdateAsync).WithName("UpdateGlossaryTerm").WithSummary("Change a glossary term");
        api.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteGlossaryTerm").WithSummary("Remove a glossary term");
        api.MapPost("/import", ImportAsync)
            .WithName("ImportGlossaryTerms")
            .WithSummary("Add or update many terms from a JSON array or CSV (text/csv); all or nothing")
            .Accepts<List<GlossaryTermInput>>("application/json", "text/csv");
        api.MapGlossaryExport();
        return api;
    }

    public static async Task<Results<Ok<GlossaryPageResponse>, ValidationProblem>> ListAsync(
        FluxCaptionDbContext db,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken,
        string? sourceLanguage = null,
        string? targetLanguage = null,
        string? search = null,
        int page = 1,
        int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        var source = FilterLanguage(sourceLanguage, "sourceLanguage", errors);
        var target = FilterLanguage(targetLanguage, "targetLanguage", errors);
        if (page < 1)
        {
            errors["page"] = ["page starts at 1."];
        }

        if (pageSize < 1 || pageSize > options.Value.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {options.Value.MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Set<GlossaryTermEntity>().AsNoTracking();
        query = source is null ? query : query.Where(t => t.SourceLang == source);
        query = target is null ? query : query.Where(t => t.TargetLang == target);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(t => EF.Functions.ILike(t.SourceTerm, pattern) || EF.Functions.ILike(t.TargetTerm, pattern));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(t => t.SourceLang).ThenBy(t => t.TargetLang).ThenBy(t => t.SourceTerm).ThenBy(t => t.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new GlossaryPageResponse([.. items.Select(t => t.ToGlossaryTermResponse())], page, pageSize, total));
    }

    public static async Task<Results<Ok<GlossaryTermResponse>, ProblemHttpResult>> GetAsync(long id, FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        var term = await db.Set<GlossaryTermEntity>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return term is null ? NotFound(id) : TypedResults.Ok(term.ToGlossaryTermResponse());
    }

    public static async Task<Results<Created<GlossaryTermResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        GlossaryTermInput input, FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var term = input.Validate(errors);
        if (term is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The glossary term is not valid.");
        }

        if (await FindSameSourceAsync(db, term, exceptId: null, cancellationToken) is { } existing)
        {
            return Duplicate(term, existing);
        }

        db.Add(term);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return Duplicate(term, null);
        }

        return TypedResults.Created($"/api/glossary/{term.Id}", term.ToGlossaryTermResponse());
    }

    public static async Task<Results<Ok<GlossaryTermResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, GlossaryTermInput input, FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var changed = input.Validate(errors);
        if (changed is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The glossary term is not valid.");
        }

        var term = await db.Set<GlossaryTermEntity>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (term is null)
        {
            return NotFound(id);
        }

        if (await FindSameSourceAsync(db, changed, exceptId: id, cancellationToken) is { } existing)
        {
            return Duplicate(changed, existing);
        }

        (term.SourceLang, term.TargetLang, term.SourceTerm, term.TargetTerm, term.CaseSensitive) =
            (changed.SourceLang, changed.TargetLang, changed.SourceTerm, changed.TargetTerm, changed.CaseSensitive);
        return await TrySaveAsync(db, cancellationToken) ? TypedResults.Ok(term.ToGlossaryTermResponse()) : Duplicate(changed, null);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<GlossaryTermEntity>().Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? NotFound(id) : TypedResults.NoContent();
    }

    /// <summary>
    /// Existing terms of the same pair and source (any case) take the imported target; the import is
    /// refused whole when any row is invalid or a source term appears twice in it.
    /// </summary>
    public static async Task<Results<Ok<GlossaryImportResponse>, ValidationProblem>> ImportAsync(
        HttpRequest request, FluxCaptionDbContext db, CancellationToken cancellationToken, string? sourceLanguage = null, string? targetLanguage = null)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var isCsv = request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;
        if (!GlossaryImportReader.TryRead(body, isCsv, sourceLanguage, targetLanguage, out var rows, out var readError))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [readError!] }, title: "The glossary import is not readable.");
        }

        var errors = new Dictionary<string, string[]>();
        var terms = new List<GlossaryTermEntity>();
        var seen = new Dictionary<(string, string, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Validate(errors, $"terms[{i}].") is not { } term)
            {
                continue;
            }

            if (seen.TryGetValue(Key(term), out var first))
            {
                errors[$"terms[{i}].source"] = [$"'{term.SourceTerm}' ({term.SourceLang}->{term.TargetLang}) already appears in terms[{first}]."];
                continue;
            }

            seen[Key(term)] = i;
            terms.Add(term);
        }

        if (errors.Count > 0 || terms.Count == 0)
        {
            if (terms.Count == 0 && errors.Count == 0)
            {
                errors["body"] = ["The import holds no terms."];
            }

            return TypedResults.ValidationProblem(errors, title: "The glossary import is not valid; nothing was imported.");
        }

        var pairs = terms.Select(t => t.SourceLang + "|" + t.TargetLang).Distinct().ToList();
        var existing = (await db.Set<GlossaryTermEntity>()
                .Where(t => pairs.Contains(t.SourceLang + "|" + t.TargetLang))
                .ToListAsync(cancellationToken))
            .GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var (created, updated, unchanged) = (0, 0, 0);
        foreach (var term in terms)
        {
            if (!existing.TryGetValue(Key(term), out var current))
            {
                db.Add(term);
                created++;
            }
            else if (current.SourceTerm != term.SourceTerm || current.TargetTerm != term.TargetTerm || current.CaseSensitive != term.CaseSensitive)
            {
                (current.SourceTerm, current.TargetTerm, current.CaseSensitive) = (term.SourceTerm, term.TargetTerm, term.CaseSensitive);
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new GlossaryImportResponse(created, updated, unchanged));
    }

    private static (string, string, string) Key(GlossaryTermEntity term) =>
        (term.SourceLang, term.TargetLang, term.SourceTerm.ToLowerInvariant());

    private static Task<GlossaryTermEntity?> FindSameSourceAsync(FluxCaptionDbContext db, GlossaryTermEntity term, long? exceptId, CancellationToken cancellationToken)
    {
        var lowered = term.SourceTerm.ToLowerInvariant();
        return db.Set<GlossaryTermEntity>().AsNoTracking()
            .Where(t => t.SourceLang == term.SourceLang && t.TargetLang == term.TargetLang && t.SourceTerm.ToLower() == lowered)
            .Where(t => exceptId == null || t.Id != exceptId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<bool> TrySaveAsync(FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone else added the same term between the check and the insert.
            return false;
        }
    }

    private static string? FilterLanguage(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (LanguageCodes.TryNormalize(value, out var canonical))
        {
            return canonical;
        }

        errors[field] = [$"'{value}' is not a language code FluxCaption knows."];
        return null;
    }

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such glossary term.", detail: $"There is no glossary term {id}.");

    private static ProblemHttpResult Duplicate(GlossaryTermEntity term, GlossaryTermEntity? existing) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The glossary already has this term.",
            detail: existing is null
                ? $"'{term.SourceTerm}' already exists for {term.SourceLang}->{term.TargetLang}."
                : $"'{term.SourceTerm}' already exists for {term.SourceLang}->{term.TargetLang} as term {existing.Id} ('{existing.SourceTerm}' => '{existing.TargetTerm}'); change that one instead.");
}
