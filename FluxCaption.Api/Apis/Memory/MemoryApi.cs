using FluxCaption.Api.Extensions;
using FluxCaption.Contracts;
using FluxCaption.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Apis.Memory;

/// <summary>
/// The translation memory (translation_memory) for people: browse, search, count, correct and delete
/// entries, and exchange them as TMX (see <see cref="MemoryTmxApi"/>). A corrected entry keeps its
/// engine and model, so the next job of that scope uses the correction, and gets edited_at set.
/// </summary>
public static class MemoryApi
{
    public static RouteGroupBuilder MapMemoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/memory").WithTags("Memory").RequireAuthorization();
        api.MapGet("/", ListAsync).WithName("ListMemoryEntries")
            .WithSummary("Translation-memory entries filtered by sourceLanguage, targetLanguage, engine, model and search, paged");
        api.MapGet("/counts", CountsAsync).WithName("CountMemoryEntries")
            .WithSummary("How many entries each (language pair, engine, model) holds, under the same filter");
        api.MapPut("/{id:long}", UpdateAsync).WithName("UpdateMemoryEntry")
            .WithSummary("Correct an entry's translation; the entry is then marked as edited by a person");
        api.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteMemoryEntry").WithSummary("Remove one entry");
        api.MapDelete("/", DeleteManyAsync).WithName("DeleteMemoryEntries")
            .WithSummary("Remove every entry the filter matches; with no filter, all=true is required");
        api.MapMemoryTmx();
        return api;
    }

    public static async Task<Results<Ok<MemoryPage>, ValidationProblem>> ListAsync(
        HttpRequest request,
        FluxCaptionDbContext db,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = MemoryFilter.Read(request, errors);
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
            return TypedResults.ValidationProblem(errors, title: "The memory query is not valid.");
        }

        var query = filter.Apply(db.Set<TranslationMemoryEntry>().AsNoTracking());
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(e => e.SourceLang).ThenBy(e => e.TargetLang).ThenBy(e => e.Engine).ThenBy(e => e.Model)
            .ThenBy(e => e.SourceText).ThenBy(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new MemoryPage([.. items.Select(ToContract)], page, pageSize, total));
    }

    public static async Task<Results<Ok<List<MemoryGroupCount>>, ValidationProblem>> CountsAsync(
        HttpRequest request, FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = MemoryFilter.Read(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The memory query is not valid.");
        }

        var groups = await filter.Apply(db.Set<TranslationMemoryEntry>().AsNoTracking())
            .GroupBy(e => new { e.SourceLang, e.TargetLang, e.Engine, e.Model })
            .Select(g => new MemoryGroupCount(
                g.Key.SourceLang, g.Key.TargetLang, g.Key.Engine, g.Key.Model, g.Count(), g.Count(e => e.EditedAt != null)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(groups
            .OrderBy(g => g.SourceLanguage, StringComparer.Ordinal).ThenBy(g => g.TargetLanguage, StringComparer.Ordinal)
            .ThenBy(g => g.Engine, StringComparer.Ordinal).ThenBy(g => g.Model, StringComparer.Ordinal)
            .ToList());
    }

    /// <summary>
    /// A person's translation replaces the engine's; a line the engine had kept in its source becomes
    /// a translation (the kept reason is cleared), since a person decided what it says.
    /// </summary>
    public static async Task<Results<Ok<MemoryEntry>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, MemoryEntryEdit edit, FluxCaptionDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var target = edit.Target?.Trim();
        if (string.IsNullOrEmpty(target))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["target"] = ["The translation must not be empty; delete the entry instead."] },
                title: "The memory entry is not valid.");
        }

        var entry = await db.Set<TranslationMemoryEntry>().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return NotFound(id);
        }

        if (entry.TargetText != target || entry.KeptReason is not null)
        {
            (entry.TargetText, entry.KeptReason, entry.EditedAt) = (target, null, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(ToContract(entry));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<TranslationMemoryEntry>().Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? NotFound(id) : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<MemoryDeleteResult>, ValidationProblem>> DeleteManyAsync(
        HttpRequest request, FluxCaptionDbContext db, CancellationToken cancellationToken, bool all = false)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = MemoryFilter.Read(request, errors);
        if (errors.Count == 0 && filter.IsEmpty && !all)
        {
            // An empty filter would empty the whole memory; that has to be asked for in so many words.
            errors["all"] = ["Name a filter (sourceLanguage, targetLanguage, engine, model, search) or send all=true to delete every entry."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Nothing was deleted.");
        }

        var deleted = await filter.Apply(db.Set<TranslationMemoryEntry>()).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.Ok(new MemoryDeleteResult(deleted));
    }

    public static MemoryEntry ToContract(TranslationMemoryEntry e) => new(
        e.Id, e.SourceLang, e.TargetLang, e.Engine, e.Model, e.SourceText, e.TargetText, e.KeptReason, e.HitCount, e.CreatedAt, e.LastUsedAt, e.EditedAt);

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such memory entry.", detail: $"There is no translation-memory entry {id}.");
}
