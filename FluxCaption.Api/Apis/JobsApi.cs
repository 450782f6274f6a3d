using FluxCaption.Api.Apis.Jobs;
using FluxCaption.Api.Extensions;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Subtitles;
using FluxCaption.Core.Translation;
using FluxCaption.Core.Translation.Engines;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Apis;

public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization();

        api.MapPost("/translate", TranslateAsync)
            .WithName("CreateTranslationJob")
            .WithSummary("Upload a subtitle file and queue its translation")
            .DisableAntiforgery();
        api.MapGet("/", ListAsync).WithName("ListJobs").WithSummary("List jobs, newest first");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetJob").WithSummary("One job's state");
        api.MapJobTimelineApi();
        api.MapGet("/{id:guid}/result", GetResultAsync).WithName("GetJobResult").WithSummary("Download the translated file");
        api.MapPost("/{id:guid}/cancel", (Guid id, IJobService jobs, CancellationToken ct) => ControlAsync(jobs.CancelAsync(id, ct)))
            .WithName("CancelJob").WithSummary("Cancel a queued, running or paused job");
        api.MapPost("/{id:guid}/pause", (Guid id, IJobService jobs, CancellationToken ct) => ControlAsync(jobs.PauseAsync(id, ct)))
            .WithName("PauseJob").WithSummary("Pause a queued or running job at its next checkpoint");
        api.MapPost("/{id:guid}/resume", (Guid id, IJobService jobs, CancellationToken ct) => ControlAsync(jobs.ResumeAsync(id, ct)))
            .WithName("ResumeJob").WithSummary("Resume a paused job from its checkpoint");
        api.MapPost("/{id:guid}/retry", RetryAsync)
            .WithName("RetryJob").WithSummary("Run a failed or cancelled job again; retranslateKept=true asks again for lines kept in the source, a succeeded job's too");
        return api;
    }

    public static async Task<Results<Accepted<JobResponse>, ValidationProblem>> TranslateAsync(
        IFormFile? file,
        [FromForm] string? targetLanguage,
        [FromForm] string? sourceLanguage,
        [FromForm] string? engine,
        [FromForm] string? model,
        [FromForm] string? outputFormat,
        [FromForm] string? glossary,
        [FromForm] string? bilingual,
        [FromForm] string? proofread,

        [FromForm] string? fallback,
        HttpRequest request,
        IJobService jobs,
        EngineCatalog engines,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken)
    {
        var errors = TranslateRequestValidator.Validate(
            file, targetLanguage, sourceLanguage, engine, outputFormat, options.Value.MaxUploadBytes, engines, out var fields);
        if (!GlossaryFieldParser.TryParse(glossary, out var glossaryTerms, out var glossaryError))
        {
            errors["glossary"] = [glossaryError!];
        }

        var wantsBilingual = TranslateRequestValidator.ValidateSwitch(bilingual, nameof(bilingual), errors);
        var wantsProofread = TranslateRequestValidator.ValidateSwitch(proofread, nameof(proofread), errors);

        var modelName = TranslateRequestValidator.ValidateModel(model, errors);
        if (request.HasFormContentType && request.Form.Files.Count > 1)
        {
            // One upload is one job; a second part would otherwise be dropped without a word.
            errors["file"] = [$"Send one file per request; this one has {request.Form.Files.Count} file parts."];
        }

        IReadOnlyList<EngineChoice> chain = [];
        if (fields is not null
            && !FallbackFieldParser.TryParse(fallback, new EngineChoice(fields.Engine, modelName), fields.SourceLanguage, fields.TargetLanguage, engines, out chain, out var fallbackError))
        {
            errors["fallback"] = [fallbackError!];
        }

        if (errors.Count > 0 || fields is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The translation request is not valid.");
        }

        var bytes = await ReadAllAsync(file!, cancellationToken);
        SubtitleDocument document;
        string encoding;
        try
        {
            document = SubtitleFile.Load(bytes, file!.FileName, out encoding);
        }
        catch (Exception ex) when (ex is SubtitleEncodingException or SubtitleFormatException)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["file"] = [ex.Message] },
                title: "The uploaded file is not a subtitle FluxCaption can read.");
        }

        if (UploadLimits.FirstBroken(document, options.Value) is { } broken)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["file"] = [broken] },
                title: "The uploaded file is too large.");
        }

        var job = await jobs.CreateTranslationJobAsync(
            new NewTranslationJob(
                document,
                Path.GetFileName(file!.FileName),
                fields.SourceLanguage,
                fields.TargetLanguage,
                fields.Engine,
                modelName,
                fields.OutputFormat ?? document.Format,
                glossaryTerms)
            {
                Bilingual = wantsBilingual,
                Proofread = wantsProofread,

                Fallback = chain,
                SourceWarnings = SubtitleFile.IsUnicode(encoding) ? [] :
                [
                    new DocumentWarning(EncodingGuessedCode,
                        $"The file is not valid UTF-8 or UTF-16; it was read as {encoding}. Check accented and non-Latin letters in the result, or save the file as UTF-8."),
                ],
            },
            cancellationToken);
        return TypedResults.Accepted($"/api/jobs/{job.Id}", job.ToJobResponse());
    }

    /// <summary>The job warning that an upload was not Unicode and its encoding was guessed.</summary>
    public const string EncodingGuessedCode = "encoding_guessed";

    public static async Task<Results<Ok<JobPageResponse>, ValidationProblem>> ListAsync(
        IJobService jobs,
        FluxCaptionDbContext db,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken,
        string? status = null,
        int page = 1,
        int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        JobStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<JobStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _))
            {
                filter = parsed;
            }
            else
            {
                errors["status"] = [$"'{status}' is not a job status; use queued, running, paused, succeeded, failed or cancelled."];
            }
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

        var result = (await jobs.ListAsync(filter, page, pageSize, cancellationToken)).ToJobPageResponse();
        return TypedResults.Ok(result with { Items = await JobSubjects.NameAsync(db, result.Items, cancellationToken) });
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> GetAsync(
        Guid id, IJobService jobs, FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(id, cancellationToken);
        return job is null ? JobNotFound(id) : TypedResults.Ok((await JobSubjects.NameAsync(db, [job.ToJobResponse()], cancellationToken))[0]);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetResultAsync(
        Guid id, IJobService jobs, CancellationToken cancellationToken)
    {
        var result = await jobs.GetResultAsync(id, cancellationToken);
        if (result is null)
        {
            return JobNotFound(id);
        }

        if (result.Job.Status != JobStatus.Succeeded || result.Content is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The job has no result yet.",
                detail: $"Job {id} is {result.Job.Status.ToString().ToLowerInvariant()}; a result exists only once it has succeeded.");
        }

        return TypedResults.File(result.Content, result.ContentType ?? "text/plain; charset=utf-8", result.FileName);
    }

    /// <remarks>
    /// retranslateKept is read as text so that a value that is not yes/no is a 400 naming the field, like
    /// the upload's switches, rather than the framework's bare binding failure.
    /// </remarks>
    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult, ValidationProblem>> RetryAsync(
        Guid id,
        [FromQuery] string? retranslateKept,
        IJobService jobs,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var again = TranslateRequestValidator.ValidateSwitch(retranslateKept, nameof(retranslateKept), errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var outcome = await jobs.RetryAsync(id, again, cancellationToken);
        return outcome.Result == JobControlResult.Applied ? TypedResults.Ok(outcome.Job!.ToJobResponse()) : Refusal(outcome);
    }

    private static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> ControlAsync(Task<JobControlOutcome> operation)
    {
        var outcome = await operation;
        return outcome.Result == JobControlResult.Applied ? TypedResults.Ok(outcome.Job!.ToJobResponse()) : Refusal(outcome);
    }

    private static ProblemHttpResult Refusal(JobControlOutcome outcome) =>
        outcome.Result == JobControlResult.NotFound
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such job.")
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The job's state does not allow that.", detail: outcome.Reason);

    private static ProblemHttpResult JobNotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such job.", detail: $"There is no job {id}.");

    private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
