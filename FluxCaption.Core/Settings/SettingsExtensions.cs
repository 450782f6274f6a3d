using FluxCaption.Core.Libraries.Coverage;
using FluxCaption.Core.Libraries.Jellyfin;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FluxCaption.Core.Settings;

public static class SettingsExtensions
{
    /// <summary>Application name of the shared key ring: every FluxCaption process must use the same one.</summary>
    public const string DataProtectionApplicationName = "FluxCaption";

    /// <summary>
    /// Registers the runtime settings (<see cref="RuntimeSettings"/>, <see cref="SettingsStore"/>), the
    /// settings-backed <see cref="IJellyfinConnectionProvider"/>, and Data Protection with its key ring
    /// in the <c>data_protection_keys</c> table. Needs AddFluxCaptionData.
    /// </summary>
    public static IHostApplicationBuilder AddFluxCaptionSettings(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IServiceScopeFactory>())));
        services.AddScoped<SettingsStore>();
        services.AddScoped<RuntimeSettings>();
        services.AddOptions<CoverageRules>().BindConfiguration(CoverageRules.SectionName);
        services.AddScoped<ICoverageRulesSource, SettingsCoverageRules>();
        services.AddSingleton<IJellyfinConnectionProvider, SettingsJellyfinConnectionProvider>();
        return builder;
    }
}
