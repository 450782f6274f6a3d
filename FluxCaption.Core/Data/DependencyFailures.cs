using Microsoft.EntityFrameworkCore.Storage;

namespace FluxCaption.Core.Data;

/// <summary>Recognises a transient failure of the database or Redis however deeply EF, Npgsql or a caller wrapped it.</summary>
public static class DependencyFailures
{
    public const string Database = "database";
    public const string Redis = "Redis";

    /// <summary><see cref="Database"/> or <see cref="Redis"/> when the exception or one it wraps is a transient failure of it; otherwise null.</summary>
    public static string? Describe(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // The execution strategy only retries errors it judged transient, so running out of retries is one too.
                case RetryLimitExceededException:
                case Npgsql.NpgsqlException { IsTransient: true }:
                    return Database;
                case StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException:
                    return Redis;
            }
        }

        return null;
    }
}
