namespace FluxCaption.Core.Translation.Engines;

/// <summary>
/// The text form of a fallback chain used by the Api's form field and by Api:DefaultFallback:
/// comma-separated entries, each an engine name optionally followed by a colon and a model,
/// e.g. "openai:gpt-4o-mini, apertium". Only the first colon separates: "ollama:qwen2.5:7b" is
/// model "qwen2.5:7b" of "ollama".
/// </summary>
public static class EngineChainSyntax
{
    /// <summary>Splits <paramref name="text"/> into choices; false with a message naming the bad entry.</summary>
    public static bool TryParse(string? text, out IReadOnlyList<EngineChoice> chain, out string? error)
    {
        chain = [];
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var choices = new List<EngineChoice>();
        var entries = text.Split(',');
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            if (entry.Length == 0)
            {
                error = $"Entry {i + 1} of '{text.Trim()}' is empty; write engines separated by commas, e.g. 'openai:gpt-4o-mini,apertium'.";
                return false;
            }

            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var engine = (colon < 0 ? entry : entry[..colon]).Trim().ToLowerInvariant();
            var model = colon < 0 ? null : entry[(colon + 1)..].Trim();
            if (engine.Length == 0 || model is { Length: 0 })
            {
                error = $"Entry '{entry}' needs an engine name and, after a colon, a model (e.g. 'ollama:qwen2.5:7b-instruct').";
                return false;
            }

            choices.Add(new EngineChoice(engine, model));
        }

        chain = choices;
        return true;
    }

    public static string Format(IEnumerable<EngineChoice> chain) => string.Join(",", chain.Select(c => c.ToString()));
}
