using FluxCaption.Web.Services;

namespace FluxCaption.Web.Extensions;

/// <summary>
/// `/download/memory.tmx`, `/download/glossary.csv` and `/download/subtitles/{id}` (one subtitle version) hand the browser the Api's exports. The query
/// string (the page's filter) passes through unchanged; the body is copied as it arrives, so a large
/// memory is never held in the Web server either, and the Api key stays on the server.
/// </summary>
public static class ExportDownloadEndpoints
{
    public static IEndpointRouteBuilder MapExportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/download/memory.tmx", (HttpRequest request, FluxCaptionApiClient api, CancellationToken cancellationToken) =>
            ForwardAsync(api, $"api/memory/export{request.QueryString}", "fluxcaption-memory.tmx", cancellationToken));
        app.MapGet("/download/glossary.csv", (HttpRequest request, FluxCaptionApiClient api, CancellationToken cancellationToken) =>
            ForwardAsync(api, $"api/glossary/export{request.QueryString}", "glossary.csv", cancellationToken));
        app.MapGet("/download/subtitles/{id:guid}", (Guid id, FluxCaptionApiClient api, CancellationToken cancellationToken) =>
            ForwardAsync(api, $"api/subtitles/{id}/file", "subtitle.srt", cancellationToken));
        return app;
    }

    private static async Task<IResult> ForwardAsync(FluxCaptionApiClient api, string pathAndQuery, string fallbackName, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await api.OpenExportAsync(pathAndQuery, cancellationToken);
        }
        catch (ApiProblemException ex)
        {
            // Field errors (an unknown language in the filter) travel on, so the browser sees which part was wrong.
            return ex.Errors.Count > 0
                ? Results.ValidationProblem(ex.Errors.ToDictionary(), detail: ex.Detail, statusCode: ex.StatusCode, title: ex.Title)
                : Results.Problem(statusCode: ex.StatusCode, title: ex.Title, detail: ex.Detail);
        }

        var headers = response.Content.Headers;
        var name = headers.ContentDisposition?.FileNameStar ?? headers.ContentDisposition?.FileName?.Trim('"') ?? fallbackName;
        return Results.Stream(async output =>
        {
            using (response)
            {
                await response.Content.CopyToAsync(output, cancellationToken);
            }
        }, headers.ContentType?.ToString() ?? "application/octet-stream", name);
    }
}
