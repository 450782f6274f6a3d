using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FluxCaption.Core.Libraries.Rules;

public static class RulesExtensions
{
    /// <summary>Registers <see cref="RuleRunner"/> (scoped); the sync and planner it uses are resolved when a rule runs.</summary>
    public static IServiceCollection AddRuleRunner(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<RuleRunner>();
        return services;
    }
}
