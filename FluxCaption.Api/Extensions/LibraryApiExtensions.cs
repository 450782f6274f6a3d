using FluxCaption.Api.Apis;
using FluxCaption.Api.Apis.Background;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Jellyfin;
using FluxCaption.Core.Libraries.Local;
using FluxCaption.Core.Libraries.Requests;
using FluxCaption.Core.Libraries.Rules;
using FluxCaption.Core.Settings;

namespace FluxCaption.Api.Extensions;

public static class LibraryApiExtensions
{
    /// <summary>Runtime settings, the rule runner and the durable request table (and its runner) behind the library endpoints.</summary>
    public static IHostApplicationBuilder AddLibraryApi(this IHostApplicationBuilder builder)
    {
        builder.AddFluxCaptionSettings();
        builder.AddLibraries();
        builder.AddLocalMedia();
        builder.Services.AddJellyfin();
        builder.Services.AddRuleRunner();
        builder.AddLibraryRequests();
        builder.Services.AddSingleton<LocalRootPolicy>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LocalRootPolicy>());
        builder.Services.AddSingleton<LibraryRequestSignal>();
        builder.Services.AddScoped<LibraryRequestQueue>();
        builder.Services.AddScoped<ItemAddedHandler>();
        builder.Services.AddScoped<LibraryRequestRunner>();
        builder.Services.AddHostedService<LibraryRequestService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLibraryApis(this IEndpointRouteBuilder app)
    {
        app.MapSettingsApi();
        app.MapLibrariesApi();
        app.MapItemsApi();
        app.MapRulesApi();
        app.MapWebhooksApi();
        return app;
    }
}
