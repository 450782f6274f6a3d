using System.Text;
using FluxCaption.Core.Data;
using FluxCaption.Core.Languages;
using FluxCaption.Core.Translation.Glossary;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis;

/// <summary>
/// The global glossary as CSV, in the columns <see cref="GlossaryImportReader"/> reads back
/// (sourceLanguage, targetLanguage, source, target, caseSensitive), so an export imports unchanged.
/// It starts with a UTF-8 byte order mark because spreadsheet programs otherwise misread Chinese text;
/// the import skips the mark.
/// </summary>
public static class GlossaryCsvExport
{
    public static void MapGlossaryExport(this RouteGroupBuilder api) =>
        api.MapGet("/export", ExportAsync).WithName("ExportGlossaryTerms")
            .WithSummary("Global glossary terms as CSV, optionally for one sourceLanguage/targetLanguage")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

    public static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportAsync(
        FluxCaptionDbContext db, CancellationToken cancellationToken, string? sourceLanguage = null, string? targetLanguage = null)
    {
        var errors = new Dictionary<string, string[]>();
        var source = Language(sourceLanguage, "sourceLanguage", errors);
        var target = Language(targetLanguage, "targetLanguage", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The glossary export is not valid.");
        }

        var query = db.Set<GlossaryTermEntity>().AsNoTracking();
        query = source is null ? query : query.Where(t => t.SourceLang == source);
        query = target is null ? query : query.Where(t => t.TargetLang == target);
        var name = source is not null && target is not null ? $"glossary-{source}-{target}.csv" : "glossary.csv";
        return TypedResults.Stream(async output =>
        {
            await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await writer.WriteAsync("sourceLanguage,targetLanguage,source,target,caseSensitive\r\n");
            var ordered = query.OrderBy(t => t.SourceLang).ThenBy(t => t.TargetLang).ThenBy(t => t.SourceTerm).ThenBy(t => t.Id);
            await foreach (var term in ordered.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(
                    $"{Field(term.SourceLang)},{Field(term.TargetLang)},{Field(term.SourceTerm)},{Field(term.TargetTerm)},{(term.CaseSensitive ? "true" : "false")}\r\n");
            }
        }, "text/csv; charset=utf-8", name);
    }

    /// <summary>RFC 4180: a field holding a comma, quote or line break is quoted, with quotes doubled.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 && value.Trim().Length == value.Length
            ? value
            : $"\"{value.Replace("\"", "\"\"")}\"";

    private static string? Language(string? value, string field, Dictionary<string, string[]> errors)
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
}
