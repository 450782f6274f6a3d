using FluxCaption.Web.Localization;
using FluxCaption.Web.Services;
using MudBlazor.Services;

namespace FluxCaption.Web.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddWebLocalization();
        services.AddWebAuthentication();
        services.AddScoped<Components.Account.AccountErrorText>();
        builder.AddFluxCaptionLinks();

        services.AddOptions<FluxCaptionApiOptions>()
            .BindConfiguration(FluxCaptionApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddHttpClient<FluxCaptionApiClient>(ConfigureApiClient);

        // Event streams stay open for as long as a page watches a job: no total timeout, no retries
        // (the subscription reconnects itself with Last-Event-ID).
        // RemoveAllResilienceHandlers is marked experimental (EXTEXP0001); it is the documented way to
        // take a client out of the defaults that ServiceDefaults applies to every HttpClient.
#pragma warning disable EXTEXP0001
        services.AddHttpClient(JobEventSubscriptions.HttpClientName, ConfigureApiClient)
            .RemoveAllResilienceHandlers()
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
#pragma warning restore EXTEXP0001
        services.AddScoped<JobEventSubscriptions>();

        return builder;
    }

    private static void ConfigureApiClient(IServiceProvider services, HttpClient client)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FluxCaptionApiOptions>>().Value;
        client.BaseAddress = new Uri(options.BaseAddress);
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);
        }
    }
}
