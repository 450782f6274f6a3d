using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Rules;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis;

/// <summary>The languages enabled rules want, per library: what "missing" means in lists and details.</summary>
internal sealed class LibraryCoverage
{
    private readonly List<AutoTranslationRule> _rules;

    private LibraryCoverage(List<AutoTranslationRule> rules) => _rules = rules;

    public static async Task<LibraryCoverage> LoadAsync(FluxCaptionDbContext db, CancellationToken cancellationToken) =>
        new(await db.AutoTranslationRules.AsNoTracking().Where(rule => rule.Enabled).ToListAsync(cancellationToken));

    /// <summary>Canonical tags wanted for items of the library, in rule-name order, without repeats.</summary>
    public IReadOnlyList<string> WantedFor(Guid libraryId) =>
        _rules.Where(rule => RuleRunner.Covers(rule, libraryId))
            .OrderBy(rule => rule.Name, StringComparer.Ordinal)
            .SelectMany(rule => rule.TargetLanguages)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
