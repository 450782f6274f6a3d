using System.Text.Json;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// What a library job carries into its acquire stage: the preferred source languages of the rule or
/// request that planned it, as jsonb <c>{"sourceLanguages":["en","fr"]}</c> in the job's checkpoint.
/// The acquire stage clears it when it moves the job on to translation.
/// </summary>
public static class AcquireCheckpoint
{
    private sealed record Shape(List<string>? SourceLanguages);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string? Write(IReadOnlyList<string> sourceLanguages) =>
        sourceLanguages.Count == 0 ? null : JsonSerializer.Serialize(new Shape([.. sourceLanguages]), Json);

    public static IReadOnlyList<string> ReadSourceLanguages(string? checkpoint)
    {
        if (string.IsNullOrWhiteSpace(checkpoint))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Shape>(checkpoint, Json)?.SourceLanguages ?? [];
        }
        catch (JsonException)
        {
            // Not ours (e.g. a translate checkpoint of another shape): no preference.
            return [];
        }
    }
}
