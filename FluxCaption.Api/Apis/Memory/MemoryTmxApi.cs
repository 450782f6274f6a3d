using System.Globalization;
using System.Xml;
using FluxCaption.Api.Extensions;
using FluxCaption.Contracts;
using FluxCaption.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Apis.Memory;

/// <summary>
/// TMX 1.4b export and import of the translation memory. The export streams the filtered entries; the
/// import is one transaction: a document that is not TMX changes nothing, while units that cannot be
/// used (unknown language, empty text) are skipped and counted.
/// </summary>
public static class MemoryTmxApi
{
    public const string ContentType = "application/x-tmx+xml";

    /// <summary>Engine of units that carry no FluxCaption engine prop, unless the import names one.</summary>
    public const string DefaultImportEngine = "tmx";

    private const int MaxSkipReasons = 20;

    public static void MapMemoryTmx(this RouteGroupBuilder api)
    {
        api.MapGet("/export", ExportAsync).WithName("ExportMemoryTmx")
            .WithSummary("The entries the filter matches as a TMX 1.4b document (streamed)")
            .Produces(StatusCodes.Status200OK, contentType: ContentType);
        api.MapPost("/import", ImportAsync).WithName("ImportMemoryTmx")
            .WithSummary("Add or update entries from a TMX document in the body; engine and model name units without FluxCaption props")
            .Accepts<string>(ContentType, "application/xml", "text/xml");
    }

    public static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportAsync(
        HttpRequest request, FluxCaptionDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = MemoryFilter.Read(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The memory query is not valid.");
        }

        var query = filter.Apply(db.Set<TranslationMemoryEntry>().AsNoTracking());
        var sources = await query.Select(e => e.SourceLang).Distinct().Take(2).ToListAsync(cancellationToken);
        var name = $"fluxcaption-memory-{DateTime.UtcNow:yyyyMMdd}.tmx";
        return TypedResults.Stream(async output =>
        {
            await using var tmx = await TmxWriter.StartAsync(output, sources.Count == 1 ? sources[0] : null);
            await foreach (var entry in query.OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await tmx.WriteAsync(entry, cancellationToken);
            }
        }, ContentType, name);
    }

    public static async Task<Results<Ok<MemoryImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpRequest request,
        FluxCaptionDbContext db,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken,
        string? engine = null,
        string? model = null)
    {
        var limit = options.Value.MaxUploadBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        var fallbackEngine = string.IsNullOrWhiteSpace(engine) ? DefaultImportEngine : engine.Trim().ToLowerInvariant();
        var fallbackModel = model?.Trim() ?? "";
        if (fallbackEngine.Length > 64 || fallbackModel.Length > 200)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [fallbackEngine.Length > 64 ? "engine" : "model"] = ["The name is too long (engine 64, model 200 characters)."] },
                title: "The TMX import is not valid; nothing was imported.");
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // A plain ADO transaction: the body is a one-way stream, so EF's retrying strategy could not replay it anyway.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var (created, updated, unchanged, skipped) = (0, 0, 0, 0);
            var reasons = new List<string>();
            var seen = new HashSet<(string, string, string, string, string)>();
            var batch = new List<ImportedEntry>(MemoryImportBatch.Size);

            async Task FlushAsync()
            {
                var (c, u) = await MemoryImportBatch.UpsertAsync(connection, transaction, batch, cancellationToken);
                (created, updated, unchanged) = (created + c, updated + u, unchanged + batch.Count - c - u);
                batch.Clear();
            }

            void Skip(string reason)
            {
                skipped++;
                if (reasons.Count < MaxSkipReasons)
                {
                    reasons.Add(reason);
                }
            }

            await foreach (var unit in TmxReader.ReadAsync(request.Body, cancellationToken))
            {
                foreach (var entry in TmxUnitEntries.From(unit, fallbackEngine, fallbackModel, Skip))
                {
                    if (!seen.Add((entry.SourceLanguage, entry.TargetLanguage, entry.SourceHash, entry.Engine, entry.Model)))
                    {
                        Skip($"Unit {unit.Index}: an earlier unit already gave this source line for {entry.SourceLanguage}->{entry.TargetLanguage}; the first one was kept.");
                        continue;
                    }

                    batch.Add(entry);
                    if (batch.Count == MemoryImportBatch.Size)
                    {
                        await FlushAsync();
                    }
                }
            }

            await FlushAsync();
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(new MemoryImportResult(created, updated, unchanged, skipped, reasons));
        }
        catch (XmlException e)
        {
            return NotReadable($"The body is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}");
        }
        catch (TmxFormatException e)
        {
            return NotReadable(e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static ValidationProblem NotReadable(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [message] }, title: "The TMX import is not readable; nothing was imported.");

    private static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The TMX document is too large.",
            detail: string.Create(CultureInfo.InvariantCulture, $"A TMX import may be at most {limit / (1024.0 * 1024):0.#} MiB (Api:MaxUploadBytes); split the file by language pair."));
}
