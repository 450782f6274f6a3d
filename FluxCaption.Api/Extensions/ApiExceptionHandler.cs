using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FluxCaption.Api.Extensions;

/// <summary>
/// Turns request-level failures that ASP.NET raises as exceptions (body too large, malformed
/// multipart, unreadable JSON) into the ProblemDetails the client deserves instead of a 500.
/// Anything else stays a 500 ProblemDetails from the default handler.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                => (StatusCodes.Status413PayloadTooLarge, "The request body is too large."),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read."),
            InvalidDataException when exception.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase)
                => (StatusCodes.Status413PayloadTooLarge, "The uploaded file is too large."),
            InvalidDataException => (StatusCodes.Status400BadRequest, "The multipart form could not be read."),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }

        logger.LogInformation("Rejected a request with {StatusCode}: {Reason}", status, exception.Message);
        context.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = exception.Message },
        });
    }
}
