using System.Globalization;
using FluxCaption.Core.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FluxCaption.Api.Extensions;

/// <summary>
/// A request that failed because the database or Redis is unreachable answers 503 with Retry-After and a
/// ProblemDetails naming the dependency: the client may try again, and an operator sees what is down.
/// </summary>
internal sealed class DependencyOutageExceptionHandler(IProblemDetailsService problemDetails, ILogger<DependencyOutageExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>Seconds a client should wait: about one health check interval, short enough to notice the recovery soon.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (DependencyFailures.Describe(exception) is not { } dependency)
        {
            return false;
        }

        logger.LogWarning("Answered 503: the {Dependency} is unavailable ({Reason})", dependency, exception.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = dependency == DependencyFailures.Database ? "The database is unavailable." : "Redis is unavailable.",
                Detail = $"FluxCaption cannot reach its {dependency} right now; try again in {RetryAfterSeconds} seconds.",
            },
        });
    }
}
