namespace FluxCaption.Web.Services;

/// <summary>How an engine is named next to its model everywhere a job or rule shows it: "ollama (qwen2.5:7b)".</summary>
public static class EngineNames
{
    public static string WithModel(string? engine, string? model) =>
        model is null ? engine ?? "" : $"{engine} ({model})";
}
