using System.Data.Common;
using FluxCaption.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace FluxCaption.Core.Translation.Memory;

/// <summary>
/// The translation_memory table. Each call is one statement whatever the number of lines, and both
/// statements touch rows in hash order so two jobs filling or reading the same lines cannot deadlock.
/// When Translation:Memory:Enabled is false it finds nothing and stores nothing. An entry a person
/// corrected (edited_at set, see the Memory Api) is never replaced by an engine's translation.
/// </summary>
internal sealed class PostgresTranslationMemory(
    IServiceScopeFactory scopes,
    IOptionsMonitor<TranslationMemoryOptions> options) : ITranslationMemory
{
    // The locking subquery takes the rows in a fixed order; a plain UPDATE ... WHERE hash = ANY(...)
    // may lock them in plan order and deadlock against a concurrent job counting the same hits.
    private const string LookupSql = """
        UPDATE translation_memory AS tm
        SET hit_count = tm.hit_count + 1, last_used_at = now()
        FROM (
            SELECT id FROM translation_memory
            WHERE source_lang = @source_lang AND target_lang = @target_lang AND engine = @engine AND model = @model
              AND source_hash = ANY(@hashes)
            ORDER BY source_hash
            FOR UPDATE
        ) AS hit
        WHERE tm.id = hit.id
        RETURNING tm.source_hash, tm.target_text, tm.kept_reason
        """;

    private const string StoreSql = """
        INSERT INTO translation_memory
            (source_lang, target_lang, source_hash, engine, model, source_text, target_text, kept_reason, hit_count, created_at, last_used_at)
        SELECT @source_lang, @target_lang, item.hash, @engine, @model, item.source, item.target, item.kept, 0, now(), now()
        FROM unnest(@hashes, @sources, @targets, @kept) AS item(hash, source, target, kept)
        ORDER BY item.hash
        ON CONFLICT (source_lang, target_lang, source_hash, engine, model)
        DO UPDATE SET source_text = EXCLUDED.source_text, target_text = EXCLUDED.target_text,
            kept_reason = EXCLUDED.kept_reason, last_used_at = now()
        WHERE translation_memory.edited_at IS NULL
        """;

    public async Task<IReadOnlyDictionary<string, RememberedLine>> LookupAsync(
        TranslationMemoryScope scope,
        IReadOnlyCollection<string> sourceHashes,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, RememberedLine>(StringComparer.Ordinal);
        if (!options.CurrentValue.Enabled || sourceHashes.Count == 0)
        {
            return found;
        }

        var hashes = sourceHashes.Distinct(StringComparer.Ordinal).ToArray();
        await RunAsync(async (connection, token) =>
        {
            found.Clear();
            await using var command = Command(connection, LookupSql, scope);
            command.Parameters.Add(TextArray("hashes", hashes));
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                found[reader.GetString(0)] = new RememberedLine(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }, cancellationToken);
        return found;
    }

    public async Task StoreAsync(
        TranslationMemoryScope scope,
        IReadOnlyCollection<TranslationMemoryItem> items,
        CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Enabled || items.Count == 0)
        {
            return;
        }

        // ON CONFLICT may touch a row only once per statement: the last translation of a hash wins.
        var unique = items.GroupBy(i => i.SourceHash, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        await RunAsync(async (connection, token) =>
        {
            await using var command = Command(connection, StoreSql, scope);
            command.Parameters.Add(TextArray("hashes", [.. unique.Select(i => i.SourceHash)]));
            command.Parameters.Add(TextArray("sources", [.. unique.Select(i => i.SourceText)]));
            command.Parameters.Add(TextArray("targets", [.. unique.Select(i => i.TargetText)]));
            command.Parameters.Add(TextArray("kept", [.. unique.Select(i => i.KeptReason)]));
            await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);
    }

    private async Task RunAsync(Func<DbConnection, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await db.Database.OpenConnectionAsync(token);
            try
            {
                await work(db.Database.GetDbConnection(), token);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }, cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, string sql, TranslationMemoryScope scope)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new NpgsqlParameter("source_lang", scope.SourceLanguage));
        command.Parameters.Add(new NpgsqlParameter("target_lang", scope.TargetLanguage));
        command.Parameters.Add(new NpgsqlParameter("engine", scope.Engine));
        command.Parameters.Add(new NpgsqlParameter("model", scope.Model));
        return command;
    }

    private static NpgsqlParameter TextArray(string name, string?[] values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values };
}
