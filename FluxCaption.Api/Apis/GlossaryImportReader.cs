using System.Text;
using System.Text.Json;

namespace FluxCaption.Api.Apis;

/// <summary>
/// Reads a bulk glossary import: a JSON array of terms (the shape POST /api/glossary takes) or CSV
/// with a header row naming its columns (source, target, and optionally sourceLanguage,
/// targetLanguage, caseSensitive; quoted fields may hold commas and doubled quotes). Languages a row
/// does not carry come from the import's own sourceLanguage/targetLanguage.
/// </summary>
public static class GlossaryImportReader
{
    public const int MaxRows = 10_000;

    public static bool TryRead(
        string body,
        bool isCsv,
        string? sourceLanguage,
        string? targetLanguage,
        out List<GlossaryTermInput> rows,
        out string? error)
    {
        rows = [];
        error = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            error = "The import is empty.";
            return false;
        }

        if (!isCsv)
        {
            try
            {
                rows = JsonSerializer.Deserialize<List<GlossaryTermInput>>(body, ApiJson.Options) ?? [];
            }
            catch (JsonException e)
            {
                error = $"The body is not a JSON array of terms ({e.Message}); send CSV with Content-Type text/csv instead.";
                return false;
            }
        }
        else if (!TryReadCsv(body, out rows, out error))
        {
            return false;
        }

        if (rows.Count > MaxRows)
        {
            error = $"At most {MaxRows} terms per import; this one has {rows.Count}.";
            return false;
        }

        rows = [.. rows.Select(r => r is null ? new GlossaryTermInput(null, null, null, null) : r with
        {
            SourceLanguage = string.IsNullOrWhiteSpace(r.SourceLanguage) ? sourceLanguage : r.SourceLanguage,
            TargetLanguage = string.IsNullOrWhiteSpace(r.TargetLanguage) ? targetLanguage : r.TargetLanguage,
        })];
        return true;
    }

    private static bool TryReadCsv(string body, out List<GlossaryTermInput> rows, out string? error)
    {
        rows = [];
        var records = ParseCsv(body.TrimStart('\uFEFF'));
        if (records.Count == 0)
        {
            error = "The CSV has no header row.";
            return false;
        }

        var header = records[0].Select(h => h.Trim()).ToList();
        int Column(string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var (source, target) = (Column("source"), Column("target"));
        if (source < 0 || target < 0)
        {
            error = $"The CSV header must name the columns 'source' and 'target' (found: {string.Join(", ", header)}).";
            return false;
        }

        var (sourceLanguage, targetLanguage, caseSensitive) = (Column("sourceLanguage"), Column("targetLanguage"), Column("caseSensitive"));
        foreach (var record in records.Skip(1).Where(r => r.Any(f => f.Trim().Length > 0)))
        {
            string? Field(int column) => column >= 0 && column < record.Count ? record[column] : null;
            var flag = Field(caseSensitive)?.Trim();
            if (!string.IsNullOrEmpty(flag) && !bool.TryParse(flag, out _))
            {
                error = $"Row {rows.Count + 1}: caseSensitive must be true or false, not '{flag}'.";
                return false;
            }

            rows.Add(new GlossaryTermInput(Field(sourceLanguage), Field(targetLanguage), Field(source), Field(target),
                !string.IsNullOrEmpty(flag) && bool.Parse(flag)));
        }

        error = null;
        return true;
    }

    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
