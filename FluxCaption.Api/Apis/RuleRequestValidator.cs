using FluxCaption.Core.Languages;
using FluxCaption.Core.Libraries;
using Quartz;

namespace FluxCaption.Api.Apis;

/// <summary>Field checks shared by the rule and item endpoints; each error is filed under its field's name.</summary>
internal static class RuleRequestValidator
{
    /// <summary>The values of a rule request after validation (canonical languages, trimmed text).</summary>
    public sealed record ValidRule(
        string Name, bool Enabled, List<Guid> LibraryIds, List<string> TargetLanguages, List<string> SourceLanguages,
        string? Engine, string? Model, string Cron, int Priority, TimeSpan MinimumItemAge);

    public static ValidRule? Validate(RuleRequest request, IReadOnlySet<Guid> knownLibraries, EngineCatalog engines, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            errors["name"] = ["name is required, at most 200 characters."];
        }

        var libraryIds = (request.LibraryIds ?? []).Distinct().ToList();
        var unknown = libraryIds.Where(id => !knownLibraries.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            errors["libraryIds"] = [$"No such libraries: {string.Join(", ", unknown)}."];
        }

        var targets = Languages(request.TargetLanguages, "targetLanguages", required: true, errors);
        var sources = Languages(request.SourceLanguages, "sourceLanguages", required: false, errors);
        Engine(request.Engine, engines, errors);
        Pairs(request.Engine, sources, targets, engines, errors);
        var cron = request.Cron?.Trim();
        if (string.IsNullOrEmpty(cron) || !CronExpression.TryParse(cron, out _))
        {
            errors["cron"] = [$"'{request.Cron}' is not a Quartz cron expression (seconds first, e.g. '0 0 3 * * ?' for 03:00 every day).{CronReason(cron)}"];
        }

        if (request.Priority is < -1000 or > 1000)
        {
            errors["priority"] = ["priority must be between -1000 and 1000."];
        }

        if (request.MinimumItemAge is { } age && (age < TimeSpan.Zero || age > TimeSpan.FromDays(3650)))
        {
            errors["minimumItemAge"] = ["minimumItemAge must be between 0 and 3650 days."];
        }

        if (request.Model is { Length: > 200 })
        {
            errors["model"] = ["model is at most 200 characters."];
        }

        return errors.Count > 0
            ? null
            : new ValidRule(
                request.Name!.Trim(), request.Enabled ?? true, libraryIds, targets, sources,
                string.IsNullOrWhiteSpace(request.Engine) ? null : request.Engine.Trim().ToLowerInvariant(),
                string.IsNullOrWhiteSpace(request.Model) ? null : request.Model.Trim(),
                cron!, request.Priority ?? 0, request.MinimumItemAge ?? TimeSpan.Zero);
    }

    // Quartz's parser says which field is wrong; the user deserves that sentence too.
    private static string CronReason(string? cron)
    {
        if (string.IsNullOrEmpty(cron))
        {
            return "";
        }

        try
        {
            _ = new CronExpression(cron);
            return "";
        }
        catch (FormatException exception)
        {
            return " " + exception.Message;
        }
    }

    public static void Apply(ValidRule valid, AutoTranslationRule rule)
    {
        rule.Name = valid.Name;
        rule.Enabled = valid.Enabled;
        rule.LibraryIds = valid.LibraryIds;
        rule.TargetLanguages = valid.TargetLanguages;
        rule.SourceLanguages = valid.SourceLanguages;
        rule.Engine = valid.Engine;
        rule.Model = valid.Model;
        rule.Cron = valid.Cron;
        rule.Priority = valid.Priority;
        rule.MinimumItemAge = valid.MinimumItemAge;
    }

    /// <summary>Canonical tags without repeats; unknown or "und"-like tags are errors under <paramref name="field"/>.</summary>
    public static List<string> Languages(IReadOnlyList<string>? values, string field, bool required, Dictionary<string, string[]> errors)
    {
        var result = new List<string>();
        var problems = new List<string>();
        foreach (var value in values ?? [])
        {
            if (LanguageCodes.TryNormalize(value, out var canonical))
            {
                if (!result.Contains(canonical, StringComparer.Ordinal))
                {
                    result.Add(canonical);
                }
            }
            else
            {
                problems.Add($"'{value}' is not a language FluxCaption knows (e.g. zh-Hans, pt-BR, fr).");
            }
        }

        if (required && result.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{field} must name at least one language.");
        }

        if (problems.Count > 0)
        {
            errors[field] = [.. problems];
        }

        return result;
    }

    /// <summary>
    /// Refuses a rule whose engine can translate none of its source languages into one of its targets:
    /// every job it made for that target would fail. Rule jobs get no fallback chain, so only the rule's
    /// engine (or the default) counts. Without source languages the source is whatever subtitle an item
    /// has, known only per job, so there is nothing to check here.
    /// </summary>
    private static void Pairs(string? engineName, List<string> sources, List<string> targets, EngineCatalog engines, Dictionary<string, string[]> errors)
    {
        if (sources.Count == 0 || errors.ContainsKey("engine"))
        {
            return;
        }

        var named = !string.IsNullOrWhiteSpace(engineName);
        var engine = engines.Find(named ? engineName!.Trim() : engines.DefaultEngine);
        if (engine is null)
        {
            return;
        }

        var which = named ? $"engine '{engine.Name}'" : $"the default engine '{engine.Name}'";
        var problems = targets
            .Select(target => (Target: target, Sources: sources.Where(source => source != target).ToList()))
            .Where(pair => pair.Sources.Count > 0 && !pair.Sources.Any(source => engine.Supports(source, pair.Target)))
            .Select(pair => $"No engine of this rule can translate {string.Join(" or ", pair.Sources)} into {pair.Target}: {which} has no such pair here. "
                + $"Engines of this installation: {string.Join(", ", engines.Names)}; pick one that can, or other languages.")
            .ToList();
        if (problems.Count > 0)
        {
            errors["targetLanguages"] = [.. problems];
        }
    }

    public static void Engine(string? engine, EngineCatalog engines, Dictionary<string, string[]> errors)
    {
        if (!string.IsNullOrWhiteSpace(engine) && engines.Find(engine.Trim().ToLowerInvariant()) is null)
        {
            errors["engine"] = [$"'{engine}' is not an engine of this installation; use one of: {string.Join(", ", engines.Names)}."];
        }
    }
}
