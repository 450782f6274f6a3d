using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Extensions;

/// <summary>
/// Turns request-level failures that ASP.NET raises as exceptions (body too large, malformed
/// multipart, unreadable JSON) into the ProblemDetails the client deserves instead of a 500.
/// Anything else stays a 500 ProblemDetails from the default handler.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, IOptions<ApiOptions> options, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    // Form binding wraps the form reader's InvalidDataException in a 400 BadHttpRequestException;
    // a body over the size limit is still a 413 for the client, so look inside.
    private static (int Status, string Title) Classify(Exception exception)
    {
        if (IsOverLimit(exception) || IsOverLimit(exception.InnerException))
        {
            return (StatusCodes.Status413PayloadTooLarge, "The uploaded file is too large.");
        }

        return exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read."),
            InvalidDataException => (StatusCodes.Status400BadRequest, "The multipart form could not be read."),
            _ => (0, ""),
        };
    }

    private static bool IsOverLimit(Exception? exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode == StatusCodes.Status413PayloadTooLarge,
        InvalidDataException invalid => invalid.Message.Contains("limit", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = Classify(exception);
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
            ProblemDetails = status == StatusCodes.Status413PayloadTooLarge ? TooLarge() : new ProblemDetails { Status = status, Title = title, Detail = exception.Message },
        });
    }

    // The limit the client hit, by name: the server's own message speaks of body lengths, not of the setting.
    private ProblemDetails TooLarge()
    {
        var limit = options.Value.MaxUploadBytes;
        return new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The uploaded file is too large.",
            Detail = $"An upload may be at most {limit} bytes (Api:MaxUploadBytes).",
            Extensions = { ["limit"] = limit },
        };
    }
}
