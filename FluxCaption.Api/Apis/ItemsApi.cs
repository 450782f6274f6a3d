using FluxCaption.Api.Extensions;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Languages;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Coverage;
using FluxCaption.Core.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Apis;

public static class ItemsApi
{
    public static RouteGroupBuilder MapItemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/items").WithTags("Items").RequireAuthorization();
        api.MapGet("/", ListAsync).WithName("ListItems")
            .WithSummary("Media items, paged; filters: library, q (title), missing=<language>, gone, hasJob");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetItem").WithSummary("One item with its tracks, coverage of wanted languages and jobs");
        api.MapPost("/translate", TranslateAsync).WithName("TranslateItems").WithSummary("Queue jobs for the missing languages of selected items");
        return api;
    }

    public static async Task<Results<Ok<ItemPageResponse>, ValidationProblem>> ListAsync(
        FluxCaptionDbContext db,
        RuntimeSettings settings,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken,
        Guid? library = null,
        string? q = null,
        string? missing = null,
        bool gone = false,
        bool? hasJob = null,
        int page = 1,
        int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        string? missingLanguage = null;
        if (missing is not null && !LanguageCodes.TryNormalize(missing, out missingLanguage))
        {
            errors["missing"] = [$"'{missing}' is not a language FluxCaption knows (e.g. zh-Hans, pt-BR, fr)."];
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
            return TypedResults.ValidationProblem(errors);
        }

        var rules = await settings.GetCoverageRulesAsync(cancellationToken);
        var coverage = await LibraryCoverage.LoadAsync(db, cancellationToken);
        var (items, total) = await new ItemQuery(library, q, missingLanguage, gone, hasJob, page, pageSize).RunAsync(db, rules, cancellationToken);
        var itemIds = items.Select(item => item.Id).ToList();
        var active = (await db.Jobs.AsNoTracking()
                .Where(job => job.MediaItemId != null && itemIds.Contains(job.MediaItemId.Value)
                    && (job.Status == JobStatus.Queued || job.Status == JobStatus.Running || job.Status == JobStatus.Paused))
                .OrderBy(job => job.TargetLanguage)
                .ToListAsync(cancellationToken))
            .ToLookup(job => job.MediaItemId!.Value);
        return TypedResults.Ok(new ItemPageResponse(
            [.. items.Select(item => ToSummary(item, coverage, rules) with { ActiveJobs = [.. active[item.Id].Select(job => job.ToJobResponse())] })],
            page, pageSize, total));
    }

    public static async Task<Results<Ok<ItemDetailResponse>, ProblemHttpResult>> GetAsync(
        Guid id, FluxCaptionDbContext db, RuntimeSettings settings, CancellationToken cancellationToken)
    {
        var item = await db.MediaItems.AsNoTracking().SingleOrDefaultAsync(item => item.Id == id, cancellationToken);
        if (item is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such item.", detail: $"There is no media item {id}.");
        }

        var rules = await settings.GetCoverageRulesAsync(cancellationToken);
        var coverage = await LibraryCoverage.LoadAsync(db, cancellationToken);
        var jobs = await db.Jobs.AsNoTracking().Where(job => job.MediaItemId == id).OrderByDescending(job => job.CreatedAt).ToListAsync(cancellationToken);
        var languages = coverage.WantedFor(item.LibraryId)
            .Select(language => new LanguageCoverageResponse(
                language,
                CoverageEvaluator.IsCovered(item.Streams, language, rules),
                [.. item.Streams.Select((track, position) => (track, position))
                    .Where(pair => CoverageEvaluator.TrackCovers(pair.track, language, rules))
                    .Select(pair => pair.position)]))
            .ToList();
        return TypedResults.Ok(new ItemDetailResponse(
            ToSummary(item, coverage, rules), item.Streams, languages, await JobSubjects.NameAsync(db, [.. jobs.Select(job => job.ToJobResponse())], cancellationToken)));
    }

    public static async Task<Results<Accepted<TranslateItemsResponse>, ValidationProblem, ProblemHttpResult>> TranslateAsync(
        TranslateItemsRequest request,
        FluxCaptionDbContext db,
        EngineCatalog engines,
        IGapJobPlanner planner,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var itemIds = (request.ItemIds ?? []).Distinct().ToList();
        if (itemIds.Count is 0 or > 1000)
        {
            errors["itemIds"] = ["itemIds must name between 1 and 1000 items."];
        }
        else
        {
            var known = await db.MediaItems.Where(item => itemIds.Contains(item.Id)).Select(item => item.Id).ToListAsync(cancellationToken);
            var unknown = itemIds.Except(known).ToList();
            if (unknown.Count > 0)
            {
                errors["itemIds"] = [$"No such items: {string.Join(", ", unknown.Take(10))}."];
            }
        }

        var targets = RuleRequestValidator.Languages(request.TargetLanguages, "targetLanguages", required: true, errors);
        RuleRequestValidator.Engine(request.Engine, engines, errors);
        var model = TranslateRequestValidator.ValidateModel(request.Model, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The translation request is not valid.");
        }

        var result = await planner.PlanAsync(new GapPlanRequest(targets)
        {
            MediaItemIds = itemIds,
            Engine = string.IsNullOrWhiteSpace(request.Engine) ? null : request.Engine.Trim(),
            Model = model,
            Priority = request.Priority ?? 0,
        }, cancellationToken);

        var created = result.CreatedJobIds.ToHashSet();
        var active = await db.Jobs.AsNoTracking()
            .Where(job => job.MediaItemId != null && itemIds.Contains(job.MediaItemId.Value) && targets.Contains(job.TargetLanguage)
                && (job.Status == JobStatus.Queued || job.Status == JobStatus.Running || job.Status == JobStatus.Paused))
            .Select(job => job.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Accepted("/api/jobs", new TranslateItemsResponse(
            result.ItemsConsidered, result.GapsFound, result.CreatedJobIds, [.. active.Where(id => !created.Contains(id))]));
    }

    private static ItemSummaryResponse ToSummary(MediaItemEntity item, LibraryCoverage coverage, CoverageRules rules) => new(
        item.Id,
        item.LibraryId,
        item.Source.ToString().ToLowerInvariant(),
        item.Title,
        item.Kind,
        item.SeriesName,
        item.SeasonNumber,
        item.EpisodeNumber,
        item.Path,
        item.Runtime,
        [.. item.Streams.Where(track => track.Kind == MediaTrackKind.Subtitle).Select(track => track.Language).Distinct(StringComparer.Ordinal)],
        CoverageEvaluator.Missing(item.Streams, coverage.WantedFor(item.LibraryId), rules),
        item.FirstSeenAt,
        item.GoneAt)
    {
        SubtitleTracks = [.. item.Streams.Where(track => track.Kind == MediaTrackKind.Subtitle)],
    };
}
