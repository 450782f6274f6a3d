using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Libraries.Coverage;

/// <summary>Coverage rules from configuration only, for hosts without runtime settings.</summary>
internal sealed class ConfiguredCoverageRules(IOptionsMonitor<CoverageRules> options) : ICoverageRulesSource
{
    public Task<CoverageRules> GetAsync(CancellationToken cancellationToken) => Task.FromResult(options.CurrentValue);
}
