using FluxCaption.Tests.Infrastructure;
using Npgsql;

namespace FluxCaption.Tests.Pipeline;

public sealed class MigrationTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task MigrationsCreateTheApplicationTablesAndTheQuartzSchemaInAnEmptyDatabase()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (await PipelineHost.CreateAsync(connectionString, redis, RedisServer.NewKeyPrefix(), "none", start: false))
        {
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('public', 'quartz')", connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.ShouldContain("public.jobs");
        tables.ShouldContain("public.job_events");
        tables.ShouldContain("public.subtitle_documents");
        tables.ShouldContain("public.translation_memory");
        tables.ShouldContain("public.settings");
        tables.ShouldContain("quartz.qrtz_triggers");
        tables.ShouldContain("quartz.qrtz_fired_triggers");
        tables.ShouldContain("quartz.qrtz_locks");
        tables.ShouldContain("quartz.qrtz_scheduler_state");
    }

    [Fact]
    public async Task TheActiveJobIndexRefusesASecondActiveJobForTheSameItemAndLanguage()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (await PipelineHost.CreateAsync(connectionString, redis, RedisServer.NewKeyPrefix(), "none", start: false))
        {
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var item = Guid.NewGuid();
        var library = Guid.NewGuid();
        var document = Guid.NewGuid();
        await Execute(connection, $"""
            INSERT INTO subtitle_documents (id, format, origin, content, created_at) VALUES ('{document}', 'srt', 'upload', '', now());
            INSERT INTO libraries (id, source, external_id, name, write_back, enabled, last_sync_item_count, created_at, updated_at)
                VALUES ('{library}', 'local', 'root', 'Films', false, true, 0, now(), now());
            INSERT INTO media_items (id, library_id, source, external_id, title, kind, streams, change_tag, first_seen_at, last_seen_at, updated_at)
                VALUES ('{item}', '{library}', 'local', 'film.mkv', 'Film', 'Video', '[]', '', now(), now(), now());
            """);
        string Insert(string status) => $"""
            INSERT INTO jobs (id, kind, stage, status, priority, media_item_id, source_document_id, target_language, engine,
                output_format, progress, attempt, max_attempts, cancel_requested, pause_requested, created_at, updated_at)
            VALUES ('{Guid.NewGuid()}', 'translate', 'translate', '{status}', 0, '{item}', '{document}', 'es', 'prefix',
                'srt', 0, 0, 3, false, false, now(), now());
            """;
        await Execute(connection, Insert("succeeded"));
        await Execute(connection, Insert("queued"));

        var duplicate = await Should.ThrowAsync<PostgresException>(() => Execute(connection, Insert("running")));
        duplicate.SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
