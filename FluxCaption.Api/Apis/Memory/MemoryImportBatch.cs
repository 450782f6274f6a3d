using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace FluxCaption.Api.Apis.Memory;

/// <summary>One entry a TMX unit brings, already keyed the way the memory keys it.</summary>
public sealed record ImportedEntry(
    string SourceLanguage, string TargetLanguage, string SourceHash, string Engine, string Model,
    string SourceText, string TargetText, string? KeptReason, DateTimeOffset? CreatedAt, DateTimeOffset? EditedAt);

/// <summary>
/// Upserts imported entries by the memory's own key in one statement per batch. A row whose text and
/// kept reason already match is not touched, so importing the same file twice changes nothing; a new
/// row keeps the file's creation date, and a changed one takes the file's change date (a person's edit).
/// </summary>
public static class MemoryImportBatch
{
    public const int Size = 500;

    private const string UpsertSql = """
        INSERT INTO translation_memory AS tm
            (source_lang, target_lang, source_hash, engine, model, source_text, target_text, kept_reason, edited_at, hit_count, created_at, last_used_at)
        SELECT item.sl, item.tl, item.hash, item.engine, item.model, item.source, item.target, item.kept, item.edited, 0,
               coalesce(item.created, now()), coalesce(item.created, now())
        FROM unnest(@sl, @tl, @hashes, @engines, @models, @sources, @targets, @kept, @created, @edited)
            AS item(sl, tl, hash, engine, model, source, target, kept, created, edited)
        ORDER BY item.hash
        ON CONFLICT (source_lang, target_lang, source_hash, engine, model)
        DO UPDATE SET target_text = EXCLUDED.target_text, kept_reason = EXCLUDED.kept_reason,
            edited_at = coalesce(EXCLUDED.edited_at, tm.edited_at)
        WHERE tm.target_text IS DISTINCT FROM EXCLUDED.target_text OR tm.kept_reason IS DISTINCT FROM EXCLUDED.kept_reason
        RETURNING (xmax = 0) AS inserted
        """;

    /// <summary>Returns how many rows were created and how many changed; the rest of the batch was already there.</summary>
    public static async Task<(int Created, int Updated)> UpsertAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ImportedEntry> batch, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = UpsertSql;
        command.Transaction = transaction;
        command.Parameters.Add(Texts("sl", batch.Select(e => e.SourceLanguage)));
        command.Parameters.Add(Texts("tl", batch.Select(e => e.TargetLanguage)));
        command.Parameters.Add(Texts("hashes", batch.Select(e => e.SourceHash)));
        command.Parameters.Add(Texts("engines", batch.Select(e => e.Engine)));
        command.Parameters.Add(Texts("models", batch.Select(e => e.Model)));
        command.Parameters.Add(Texts("sources", batch.Select(e => e.SourceText)));
        command.Parameters.Add(Texts("targets", batch.Select(e => e.TargetText)));
        command.Parameters.Add(Texts("kept", batch.Select(e => e.KeptReason)));
        command.Parameters.Add(Times("created", batch.Select(e => e.CreatedAt)));
        command.Parameters.Add(Times("edited", batch.Select(e => e.EditedAt)));
        var (created, updated) = (0, 0);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _ = reader.GetBoolean(0) ? created++ : updated++;
        }

        return (created, updated);
    }

    private static NpgsqlParameter Texts(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static NpgsqlParameter Times(string name, IEnumerable<DateTimeOffset?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = values.Select(v => v?.UtcDateTime).ToArray() };
}
