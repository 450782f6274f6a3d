using FluxCaption.Api.Apis;
using FluxCaption.Api.Apis.Accounts;
using FluxCaption.Api.Apis.Models;
using FluxCaption.Api.Security;
using FluxCaption.Core.Data;
using FluxCaption.Core.Jobs;
using FluxCaption.Core.Messaging;
using FluxCaption.Core.Translation;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;

namespace FluxCaption.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddProblemDetails();
        services.AddExceptionHandler<DependencyOutageExceptionHandler>();
        services.AddExceptionHandler<ApiExceptionHandler>();

        // Binding failures (unreadable form, body over the limit) reach ApiExceptionHandler as
        // exceptions, so they get ProblemDetails with the right status instead of a bare 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddValidation();
        builder.AddFluxCaptionLinks();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiKeySecuritySchemeTransformer>();
            options.AddDocumentTransformer<LinksDocumentTransformer>();
        });
        services.Configure<JsonOptions>(options => ApiJson.Configure(options.SerializerOptions));

        // Uploads are subtitle files: small. The limit is enforced by Kestrel, the form reader and the
        // handler alike so an oversized upload always ends in a 413 ProblemDetails, never a 500.
        var maxUpload = builder.Configuration.GetValue<long?>($"{ApiOptions.SectionName}:MaxUploadBytes")
            ?? ApiOptions.DefaultMaxUploadBytes;
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = maxUpload);
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(
            options => options.Limits.MaxRequestBodySize = maxUpload + 64 * 1024);

        services.AddApiKeyAuthentication();

        builder.AddFluxCaptionData();
        builder.AddAccounts();
        builder.AddFluxCaptionMessaging();
        builder.AddFluxCaptionJobs();

        builder.AddTranslation();
        services.AddSingleton<EngineCatalog>();
        builder.AddLibraryApi();
        builder.AddModelsApi();

        return builder;
    }
}
