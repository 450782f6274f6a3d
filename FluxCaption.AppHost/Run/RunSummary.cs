using FluxCaption.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FluxCaption.AppHost.Run;

/// <summary>
/// Once the Api is healthy: prints where everything is and writes <c>.fluxcaption/env</c>
/// (FLUXCAPTION_API_URL, _API_KEY, _WEB_URL, _DASHBOARD_URL) for scripts; removes it again on shutdown so
/// a stale file never points at a system that is not running.
/// </summary>
public static class RunSummary
{
    public const string EnvFileName = "env";

    public static void WriteWhenApiIsHealthy(
        IDistributedApplicationBuilder builder,
        StateFolder state,
        IResourceBuilder<ProjectResource> api,
        IResourceBuilder<ProjectResource> web,
        IResourceBuilder<ParameterResource> apiKey)
    {
        var envFile = state.Combine(EnvFileName);
        builder.Eventing.Subscribe<ResourceReadyEvent>(api.Resource, async (ready, ct) =>
        {
            var key = await apiKey.Resource.GetValueAsync(ct) ?? "";
            var apiUrl = api.GetEndpoint("http").Url;
            var webUrl = web.GetEndpoint("http").Url;
            var dashboard = DashboardLoginUrl(builder.Configuration);

            StateFolder.WritePrivate(envFile, string.Join('\n',
                $"FLUXCAPTION_API_URL={apiUrl}",
                $"FLUXCAPTION_API_KEY={key}",
                $"FLUXCAPTION_WEB_URL={webUrl}",
                $"FLUXCAPTION_DASHBOARD_URL={dashboard ?? ""}") + "\n");

            var log = ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FluxCaption");
            log.LogInformation(
                "FluxCaption is running (Ctrl-C stops everything)\n  dashboard: {Dashboard}\n  web:       {Web}\n  api:       {Api}  (reference: {Api}/scalar)\n  API key:   in {KeyFile} and {EnvFile}",
                dashboard ?? "(disabled)", webUrl, apiUrl, apiUrl, state.Combine(ApiKeyFileName), envFile);

            ready.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping
                .Register(() => File.Delete(envFile));
        });
    }

    public const string ApiKeyFileName = "api-key";

    /// <summary>The dashboard's address with its login token, from the AppHost's own settings.</summary>
    public static string? DashboardLoginUrl(IConfiguration configuration)
    {
        var url = DashboardUrl(configuration);
        var token = configuration["AppHost:BrowserToken"];
        return url is null ? null : string.IsNullOrEmpty(token) ? url : $"{url}/login?t={token}";
    }

    public static string? DashboardUrl(IConfiguration configuration) =>
        configuration["ASPNETCORE_URLS"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault()?.TrimEnd('/');
}
