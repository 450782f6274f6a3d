using System.Text.Json;
using FluxCaption.Api.Extensions;
using FluxCaption.Contracts.Jobs;
using FluxCaption.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Apis.Jobs;

/// <summary>
/// A job's timeline as people read it: the events kept in job_events (progress is not kept there, the
/// job row holds it), newest first and paged, each with where the job stood right after it.
/// </summary>
public static class JobTimelineApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteHandlerBuilder MapJobTimelineApi(this RouteGroupBuilder jobs) =>
        jobs.MapGet("/{id:guid}/timeline", GetAsync)
            .WithName("GetJobTimeline")
            .WithSummary("A job's timeline (started, stage changes, retries, errors...), newest first");

    public static async Task<Results<Ok<JobTimelinePage>, ValidationProblem, ProblemHttpResult>> GetAsync(
        Guid id,
        FluxCaptionDbContext db,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
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

        if (!await db.Jobs.AnyAsync(job => job.Id == id, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such job.", detail: $"There is no job {id}.");
        }

        var events = db.JobEvents.AsNoTracking().Where(jobEvent => jobEvent.JobId == id);
        var total = await events.CountAsync(cancellationToken);
        var rows = await events
            .OrderByDescending(jobEvent => jobEvent.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new JobTimelinePage([.. rows.Select(ToEntry)], page, pageSize, total));
    }

    private static JobTimelineEntry ToEntry(JobEventEntity row)
    {
        var snapshot = ReadSnapshot(row.Data);
        return new JobTimelineEntry(
            row.Id,
            row.Type,
            row.Message ?? snapshot?.Message,
            row.CreatedAt,
            snapshot?.Status,
            snapshot?.Stage,
            snapshot?.Progress,
            snapshot?.Attempt);
    }

    // Events store the job's snapshot as they saw it; an older row without one (or a hand-edited one)
    // still reads as an event, just without the job's state.
    private static JobEventSnapshot? ReadSnapshot(string? data)
    {
        if (string.IsNullOrWhiteSpace(data))
        {
            return null;
        }

        try
        {
            var snapshot = JsonSerializer.Deserialize<JobEventSnapshot>(data, Json);
            return snapshot is { Status: not null } ? snapshot : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
