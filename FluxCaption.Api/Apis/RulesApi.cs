using FluxCaption.Api.Apis.Background;
using FluxCaption.Core.Data;
using FluxCaption.Contracts.Rules;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Requests;
using FluxCaption.Core.Libraries.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis;

public static class RulesApi
{
    public static RouteGroupBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rules").WithTags("Rules").RequireAuthorization();
        api.MapGet("/", ListAsync).WithName("ListRules").WithSummary("Auto-translation rules with their last run");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetRule").WithSummary("One rule");
        api.MapPost("/", CreateAsync).WithName("CreateRule").WithSummary("Create a rule; the scheduler picks up its cron within its reconcile interval");
        api.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateRule").WithSummary("Replace a rule's settings");
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteRule").WithSummary("Delete a rule; its jobs stay");
        api.MapPost("/{id:guid}/run", RunAsync).WithName("RunRule").WithSummary("Run the rule now: sync its libraries, then queue jobs for the gaps");
        return api;
    }

    public static async Task<Ok<List<RuleResponse>>> ListAsync(FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        var rules = await db.AutoTranslationRules.AsNoTracking().OrderBy(rule => rule.Name).ThenBy(rule => rule.Id).ToListAsync(cancellationToken);
        var jobs = await RuleRunVerdict.CountJobsAsync(db, rules, cancellationToken);
        return TypedResults.Ok(rules.Select(rule => ToResponse(rule, jobs.GetValueOrDefault(rule.Id))).ToList());
    }

    public static async Task<Results<Ok<RuleResponse>, ProblemHttpResult>> GetAsync(Guid id, FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        var rule = await db.AutoTranslationRules.AsNoTracking().SingleOrDefaultAsync(rule => rule.Id == id, cancellationToken);
        return rule is null ? NotFound(id) : TypedResults.Ok(await ToResponseAsync(rule, db, cancellationToken));
    }

    public static async Task<Results<Created<RuleResponse>, ValidationProblem>> CreateAsync(
        RuleRequest request, FluxCaptionDbContext db, EngineCatalog engines, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var valid = RuleRequestValidator.Validate(request, await LibraryIdsAsync(db, cancellationToken), engines, errors);
        if (valid is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The rule is not valid.");
        }

        var now = clock.GetUtcNow();
        var rule = new AutoTranslationRule { Id = Guid.CreateVersion7(), CreatedAt = now, UpdatedAt = now };
        RuleRequestValidator.Apply(valid, rule);
        db.AutoTranslationRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/rules/{rule.Id}", ToResponse(rule, null));
    }

    public static async Task<Results<Ok<RuleResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, RuleRequest request, FluxCaptionDbContext db, EngineCatalog engines, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rule = await db.AutoTranslationRules.SingleOrDefaultAsync(rule => rule.Id == id, cancellationToken);
        if (rule is null)
        {
            return NotFound(id);
        }

        var errors = new Dictionary<string, string[]>();
        var valid = RuleRequestValidator.Validate(request, await LibraryIdsAsync(db, cancellationToken), engines, errors);
        if (valid is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The rule is not valid.");
        }

        RuleRequestValidator.Apply(valid, rule);
        rule.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ToResponseAsync(rule, db, cancellationToken));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        // Jobs the rule created keep their rows; their rule_id becomes null.
        var deleted = await db.AutoTranslationRules.Where(rule => rule.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? NotFound(id) : TypedResults.NoContent();
    }

    public static async Task<Results<Accepted<RuleRunAccepted>, ProblemHttpResult>> RunAsync(
        Guid id, FluxCaptionDbContext db, LibraryRequestQueue requests, CancellationToken cancellationToken)
    {
        if (!await db.AutoTranslationRules.AnyAsync(rule => rule.Id == id, cancellationToken))
        {
            return NotFound(id);
        }

        var queued = await requests.EnqueueAsync(LibraryRequestKind.RuleRun, id.ToString(), cancellationToken);
        return TypedResults.Accepted($"/api/rules/{id}", new RuleRunAccepted(id, queued));
    }

    private static async Task<IReadOnlySet<Guid>> LibraryIdsAsync(FluxCaptionDbContext db, CancellationToken cancellationToken) =>
        (await db.Libraries.Select(library => library.Id).ToListAsync(cancellationToken)).ToHashSet();

    private static async Task<RuleResponse> ToResponseAsync(AutoTranslationRule rule, FluxCaptionDbContext db, CancellationToken cancellationToken) =>
        ToResponse(rule, (await RuleRunVerdict.CountJobsAsync(db, [rule], cancellationToken)).GetValueOrDefault(rule.Id));

    // The status weighs the run's jobs, so a run whose every job failed reads "failed" (RuleRunVerdict).
    private static RuleResponse ToResponse(AutoTranslationRule rule, RuleRunJobCounts? jobs)
    {
        var counts = rule.LastRunAt is null ? null : jobs ?? RuleRunJobCounts.None;
        return new(
            rule.Id, rule.Name, rule.Enabled, rule.LibraryIds, rule.TargetLanguages, rule.SourceLanguages, rule.Engine, rule.Model,
            rule.Cron, rule.Priority, rule.MinimumItemAge, rule.LastRunAt, RuleRunVerdict.Status(rule.LastRunStatus, counts ?? RuleRunJobCounts.None),
            rule.LastRunError, rule.CreatedAt, rule.UpdatedAt, counts);
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such rule.", detail: $"There is no rule {id}.");
}
