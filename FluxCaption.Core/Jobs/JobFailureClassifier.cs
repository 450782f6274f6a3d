using System.Net.Sockets;
using FluxCaption.Core.Data;

namespace FluxCaption.Core.Jobs;

/// <summary>Turns a stage exception into the code and message a failed job records, and whether a later attempt may succeed.</summary>
internal static class JobFailureClassifier
{
    public static JobFailureException Classify(Exception exception)
    {
        if (exception is JobFailureException failure)
        {
            return failure;
        }

        // EF and Npgsql wrap a lost connection several layers deep (RetryLimitExceededException, DbUpdateException,
        // InvalidOperationException "likely due to a transient failure", a pool TimeoutException inside an
        // NpgsqlException): an outage of the database or Redis is never the job's fault, so it waits for them.
        if (DependencyFailures.Describe(exception) is { } dependency)
        {
            return new JobFailureException(JobErrorCodes.DependencyUnavailable, $"{dependency} unavailable: {exception.Message}", isTransient: true, exception);
        }

        return exception switch
        {
            Libraries.MediaSourceException source =>
                new JobFailureException(source.Code, exception.Message, isTransient: source.Code == "source_unreachable", exception),
            Translation.TranslationEngineException engine =>
                new JobFailureException(engine.Code, exception.Message, isTransient: false, exception),
            Translation.Apertium.TranslationEngineUnavailableException =>
                new JobFailureException(JobErrorCodes.EngineUnavailable, exception.Message, isTransient: false, exception),
            Translation.Apertium.ApertiumProcessException =>
                new JobFailureException(JobErrorCodes.EngineError, exception.Message, isTransient: true, exception),
            HttpRequestException or TimeoutException or SocketException or IOException =>
                new JobFailureException(JobErrorCodes.EngineError, exception.Message, isTransient: true, exception),
            FormatException or InvalidDataException =>
                new JobFailureException(JobErrorCodes.ParseError, exception.Message, isTransient: false, exception),
            NotSupportedException or ArgumentException =>
                new JobFailureException(JobErrorCodes.EngineError, exception.Message, isTransient: false, exception),
            _ => new JobFailureException(JobErrorCodes.EngineError, exception.Message, isTransient: false, exception),
        };
    }
}
