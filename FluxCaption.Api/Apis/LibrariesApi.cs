using FluxCaption.Api.Apis.Background;
using FluxCaption.Api.Extensions;
using FluxCaption.Contracts.Libraries;
using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Coverage;
using FluxCaption.Core.Libraries.Requests;
using FluxCaption.Core.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Apis;

public static class LibrariesApi
{
    public static RouteGroupBuilder MapLibrariesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/libraries").WithTags("Libraries").RequireAuthorization();
        api.MapGet("/", ListAsync).WithName("ListLibraries").WithSummary("Libraries with their last sync and item/missing counts");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetLibrary").WithSummary("One library");
        api.MapPost("/", CreateAsync).WithName("CreateLibrary").WithSummary("Add a local folder as a library");
        api.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateLibrary").WithSummary("Rename, enable/disable, or set write-back of a local root");
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteLibrary").WithSummary("Remove a library and its items; jobs keep their history");
        api.MapPost("/{id:guid}/sync", SyncAsync).WithName("SyncLibrary").WithSummary("Queue a sync now (full=true also marks vanished items gone)");
        api.MapGet("/requests", ListRequestsAsync).WithName("ListLibraryRequests")
            .WithSummary("Accepted sync, rule-run and webhook requests not done yet: pending, running, or failed after their last attempt (paged)");
        api.MapPost("/refresh", RefreshAsync).WithName("RefreshLibraries").WithSummary("Read the Jellyfin server's library list");
        return api;
    }

    public static async Task<Ok<List<LibraryResponse>>> ListAsync(FluxCaptionDbContext db, RuntimeSettings settings, CancellationToken cancellationToken)
    {
        var libraries = await db.Libraries.AsNoTracking().OrderBy(library => library.Name).ThenBy(library => library.Id).ToListAsync(cancellationToken);
        var counts = await CountAsync(db, settings, null, cancellationToken);
        return TypedResults.Ok(libraries
            .Select(library => ToResponse(library, counts.GetValueOrDefault(library.Id)))
            .ToList());
    }

    public static async Task<Results<Ok<LibraryResponse>, ProblemHttpResult>> GetAsync(
        Guid id, FluxCaptionDbContext db, RuntimeSettings settings, CancellationToken cancellationToken)
    {
        var library = await db.Libraries.AsNoTracking().SingleOrDefaultAsync(library => library.Id == id, cancellationToken);
        if (library is null)
        {
            return NotFound(id);
        }

        var counts = (await CountAsync(db, settings, id, cancellationToken)).GetValueOrDefault(id);
        return TypedResults.Ok(ToResponse(library, counts));
    }

    public static async Task<Results<Created<LibraryResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateLibraryRequest request, FluxCaptionDbContext db, LocalRootPolicy policy, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.Equals(request.Source?.Trim(), "local", StringComparison.OrdinalIgnoreCase))
        {
            errors["source"] = ["source must be \"local\"; Jellyfin libraries are read from the server with POST /api/libraries/refresh."];
        }

        var name = ValidateName(request.Name, errors);
        // Judged and stored with its links resolved: a link cannot later be pointed elsewhere under the library.
        var folder = LocalRootPath.Validate(request.Path, errors);
        var path = folder is null ? null : policy.Resolve(folder, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The library is not valid.");
        }

        var roots = await db.Libraries.AsNoTracking().Where(library => library.Source == MediaSourceKind.Local && library.Path != null)
            .Select(library => new { library.Id, library.Name, library.Path }).ToListAsync(cancellationToken);
        var clash = roots.FirstOrDefault(root => LocalRootPath.Overlap(LocalRootPolicy.Real(root.Path!), path!));
        if (clash is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "That folder is already a library.",
                detail: string.Equals(clash.Path, path, StringComparison.Ordinal)
                    ? $"'{path}' is the library '{clash.Name}' ({clash.Id})."
                    : $"'{path}' overlaps the library '{clash.Name}' at '{clash.Path}'; a video must belong to one root only.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var entity = new LibraryEntity
        {
            Id = id,
            Source = MediaSourceKind.Local,
            ExternalId = id.ToString(),
            Name = name!,
            Path = path,
            WriteBack = request.WriteBack,
            Enabled = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Libraries.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/libraries/{id}", entity.ToLibraryResponse(0, 0));
    }

    public static async Task<Results<Ok<LibraryResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateLibraryRequest request, FluxCaptionDbContext db, RuntimeSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var library = await db.Libraries.SingleOrDefaultAsync(library => library.Id == id, cancellationToken);
        if (library is null)
        {
            return NotFound(id);
        }

        var errors = new Dictionary<string, string[]>();
        var name = request.Name is null ? null : ValidateName(request.Name, errors);
        if (request.WriteBack is not null && library.Source != MediaSourceKind.Local)
        {
            errors["writeBack"] = ["writeBack applies to local folders only; Jellyfin libraries always receive uploads."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The library change is not valid.");
        }

        library.Name = name ?? library.Name;
        library.WriteBack = request.WriteBack ?? library.WriteBack;
        library.Enabled = request.Enabled ?? library.Enabled;
        library.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var counts = (await CountAsync(db, settings, id, cancellationToken)).GetValueOrDefault(id);
        return TypedResults.Ok(ToResponse(library, counts));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        // Items and their write-back records go with the library (cascade); jobs keep their rows with
        // media_item_id set to null, so the history of what was translated stays readable.
        var deleted = await db.Libraries.Where(library => library.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? NotFound(id) : TypedResults.NoContent();
    }

    public static async Task<Results<Accepted<LibrarySyncAccepted>, ProblemHttpResult>> SyncAsync(
        Guid id, FluxCaptionDbContext db, LibraryRequestQueue requests, CancellationToken cancellationToken, bool full = false)
    {
        var library = await db.Libraries.AsNoTracking().SingleOrDefaultAsync(library => library.Id == id, cancellationToken);
        if (library is null)
        {
            return NotFound(id);
        }

        if (!library.Enabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The library is disabled.",
                detail: "Enable it (PUT /api/libraries/{id} with enabled=true) before syncing it.");
        }

        var queued = await requests.EnqueueAsync(full ? LibraryRequestKind.FullSync : LibraryRequestKind.Sync, id.ToString(), cancellationToken);
        return TypedResults.Accepted($"/api/libraries/{id}", new LibrarySyncAccepted(id, full, queued));
    }

    public static async Task<Results<Ok<LibraryRequestPageResponse>, ValidationProblem>> ListRequestsAsync(
        FluxCaptionDbContext db,
        TimeProvider clock,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken,
        string? state = null,
        int page = 1,
        int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (state is not null && !LibraryRequestListing.States.Contains(state))
        {
            errors["state"] = [$"state must be one of {string.Join(", ", LibraryRequestListing.States)}."];
        }

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
            return TypedResults.ValidationProblem(errors, title: "The request listing query is not valid.");
        }

        var now = clock.GetUtcNow();
        var query = db.LibraryRequests.AsNoTracking().InState(state, now);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new LibraryRequestPageResponse([.. rows.Select(r => r.ToResponse(now))], page, pageSize, total));
    }

    public static async Task<Results<Ok<List<LibraryResponse>>, ProblemHttpResult>> RefreshAsync(
        FluxCaptionDbContext db, RuntimeSettings settings, ILibrarySyncService sync, CancellationToken cancellationToken)
    {
        if (await settings.GetJellyfinConnectionAsync(cancellationToken) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Jellyfin is not configured.",
                detail: "Save the server URL and API key with PUT /api/settings/jellyfin first.");
        }

        try
        {
            await sync.RefreshLibrariesAsync(cancellationToken);
        }
        catch (MediaSourceException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Jellyfin did not answer as expected.",
                detail: exception.Message, extensions: new Dictionary<string, object?> { ["code"] = exception.Code });
        }

        return await ListAsync(db, settings, cancellationToken);
    }

    private static LibraryResponse ToResponse(LibraryEntity library, LibraryCounts? counts) =>
        counts is null
            ? library.ToLibraryResponse(0, 0)
            : library.ToLibraryResponse(counts.Items, counts.Missing,
                [.. counts.ByLanguage.Where(pair => pair.Value > 0).Select(pair => new MissingLanguageCount(pair.Key, pair.Value))]);

    /// <summary>Present items and items missing a wanted language, per library (one library when <paramref name="only"/> is set).</summary>
    private static async Task<Dictionary<Guid, LibraryCounts>> CountAsync(
        FluxCaptionDbContext db, RuntimeSettings settings, Guid? only, CancellationToken cancellationToken)
    {
        var coverage = await LibraryCoverage.LoadAsync(db, cancellationToken);
        var rules = await settings.GetCoverageRulesAsync(cancellationToken);
        var query = db.MediaItems.AsNoTracking().Where(item => item.GoneAt == null);
        if (only is { } libraryId)
        {
            query = query.Where(item => item.LibraryId == libraryId);
        }

        var counts = new Dictionary<Guid, LibraryCounts>();
        await foreach (var item in query.Select(item => new { item.LibraryId, item.Streams }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var wanted = coverage.WantedFor(item.LibraryId);
            if (!counts.TryGetValue(item.LibraryId, out var library))
            {
                // Every wanted language is listed in the rules' order, so the page's links keep a stable order.
                library = counts[item.LibraryId] = new LibraryCounts(wanted.ToDictionary(language => language, _ => 0));
            }

            var missing = CoverageEvaluator.Missing(item.Streams, wanted, rules);
            library.Items++;
            library.Missing += missing.Count > 0 ? 1 : 0;
            foreach (var language in missing)
            {
                library.ByLanguage[language] = library.ByLanguage.GetValueOrDefault(language) + 1;
            }
        }

        return counts;
    }

    private sealed class LibraryCounts(Dictionary<string, int> byLanguage)
    {
        public int Items { get; set; }

        public int Missing { get; set; }

        public Dictionary<string, int> ByLanguage { get; } = byLanguage;
    }

    private static string? ValidateName(string? name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 300)
        {
            errors["name"] = ["name is required, at most 300 characters."];
            return null;
        }

        return name.Trim();
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such library.", detail: $"There is no library {id}.");
}
