namespace FluxCaption.Web.Services;

/// <summary>
/// The memory page's filter, as the Api's query string takes it. A null part matches everything;
/// Model "" is the engine's default model, a real value, so it is sent whenever it is not null.
/// </summary>
public sealed record MemoryFilterView(string? SourceLanguage = null, string? TargetLanguage = null, string? Engine = null, string? Model = null, string? Search = null)
{
    public bool IsEmpty => SourceLanguage is null && TargetLanguage is null && Engine is null && Model is null && string.IsNullOrWhiteSpace(Search);

    public string ToQuery()
    {
        var parts = new List<string>();
        void Add(string name, string? value, bool keepEmpty = false)
        {
            if (value is not null && (keepEmpty || value.Length > 0))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("sourceLanguage", SourceLanguage);
        Add("targetLanguage", TargetLanguage);
        Add("engine", Engine);
        Add("model", Model, keepEmpty: true);
        Add("search", Search?.Trim());
        return string.Join('&', parts);
    }
}
