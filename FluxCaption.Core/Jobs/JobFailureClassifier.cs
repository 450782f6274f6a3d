using System.Net.Sockets;

namespace FluxCaption.Core.Jobs;

/// <summary>Turns a stage exception into the code and message a failed job records, and whether a later attempt may succeed.</summary>
internal static class JobFailureClassifier
{
    public static JobFailureException Classify(Exception exception) => exception switch
    {
        JobFailureException failure => failure,
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
        Npgsql.NpgsqlException { IsTransient: true } or StackExchange.Redis.RedisConnectionException =>
            new JobFailureException(JobErrorCodes.Internal, exception.Message, isTransient: true, exception),
        FormatException or InvalidDataException =>
            new JobFailureException(JobErrorCodes.ParseError, exception.Message, isTransient: false, exception),
        NotSupportedException or ArgumentException =>
            new JobFailureException(JobErrorCodes.EngineError, exception.Message, isTransient: false, exception),
        _ => new JobFailureException(JobErrorCodes.EngineError, exception.Message, isTransient: false, exception),
    };
}
