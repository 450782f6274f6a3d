using FluxCaption.Web.Services;

namespace FluxCaption.Web.Extensions;

/// <summary>
/// `/download/{jobId}` hands the browser the translated file. The Web server fetches it from the Api
/// with the Api key, which therefore never reaches the browser.
/// </summary>
public static class ResultDownloadEndpoints
{
    public static IEndpointRouteBuilder MapResultDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/download/{jobId:guid}", async (Guid jobId, FluxCaptionApiClient api, CancellationToken cancellationToken) =>
        {
            try
            {
                var file = await api.DownloadResultAsync(jobId, cancellationToken);
                return Results.File(file.Content, file.ContentType, file.FileName);
            }
            catch (ApiProblemException ex)
            {
                return Results.Problem(statusCode: ex.StatusCode, title: ex.Title, detail: ex.Detail);
            }
        });
        return app;
    }
}
