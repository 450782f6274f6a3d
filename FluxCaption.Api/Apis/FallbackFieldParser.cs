using FluxCaption.Core.Translation.Engines;

namespace FluxCaption.Api.Apis;

/// <summary>
/// Reads the optional `fallback` form field of a translate upload: engines to try in order when the
/// job's engine cannot translate some lines, written as in <see cref="EngineChainSyntax"/>
/// ("openai:gpt-4o-mini,apertium"), or "none" for no fallback at all. Left empty, the job gets the
/// installation's default chain (<see cref="EngineCatalog.DefaultFallbackFor"/>).
/// </summary>
public static class FallbackFieldParser
{
    public const int MaxEngines = 5;

    public static bool TryParse(
        string? field,
        EngineChoice primary,
        string? sourceLanguage,
        string? targetLanguage,
        EngineCatalog engines,
        out IReadOnlyList<EngineChoice> chain,
        out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(field))
        {
            chain = engines.DefaultFallbackFor(primary, sourceLanguage, targetLanguage);
            return true;
        }

        if (string.Equals(field.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            chain = [];
            return true;
        }

        if (!EngineChainSyntax.TryParse(field, out chain, out error))
        {
            return false;
        }

        if (chain.Count > MaxEngines)
        {
            error = $"At most {MaxEngines} fallback engines; {chain.Count} were given.";
            return false;
        }

        var seen = new HashSet<EngineChoice> { primary };
        foreach (var choice in chain)
        {
            var engine = engines.Find(choice.Engine);
            if (engine is null)
            {
                error = $"'{choice.Engine}' is not an engine of this installation; available: {string.Join(", ", engines.Names)}.";
                return false;
            }

            if (engine.Name == "apertium" && choice.Model is not null)
            {
                error = $"Engine 'apertium' has no models; write 'apertium' instead of '{choice}'.";
                return false;
            }

            if (sourceLanguage is null && engine.Name == "apertium")
            {
                error = "Engine 'apertium' needs the source language: give sourceLanguage (or name the file like 'movie.en.srt').";
                return false;
            }

            if (sourceLanguage is not null && targetLanguage is not null && !engine.Supports(sourceLanguage, targetLanguage))
            {
                error = $"Engine '{engine.Name}' cannot translate {sourceLanguage} to {targetLanguage} here.";
                return false;
            }

            if (!seen.Add(choice))
            {
                error = $"'{choice}' appears twice in the chain (the job's own engine counts).";
                return false;
            }
        }

        return true;
    }
}
