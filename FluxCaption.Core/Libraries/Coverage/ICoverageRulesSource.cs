namespace FluxCaption.Core.Libraries.Coverage;

/// <summary>
/// The coverage rules in force now. The settings page stores them in the database; configuration
/// (section "Coverage") gives the defaults until the user saves their own.
/// </summary>
public interface ICoverageRulesSource
{
    Task<CoverageRules> GetAsync(CancellationToken cancellationToken);
}
