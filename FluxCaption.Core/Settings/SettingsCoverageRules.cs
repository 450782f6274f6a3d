using FluxCaption.Core.Libraries.Coverage;

namespace FluxCaption.Core.Settings;

/// <summary>The coverage rules saved through the settings Api, read on every use so every process sees a change at once.</summary>
internal sealed class SettingsCoverageRules(RuntimeSettings settings) : ICoverageRulesSource
{
    public Task<CoverageRules> GetAsync(CancellationToken cancellationToken) => settings.GetCoverageRulesAsync(cancellationToken);
}
