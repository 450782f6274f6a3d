using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every FluxCaption service shares: OpenTelemetry (logs, metrics, traces; OTLP only when an
/// endpoint is configured), health checks, service discovery and resilient HttpClients. Written to the
/// shape of Aspire's ServiceDefaults template so the services behave the same under the AppHost, the
/// local launcher, tests and containers.
/// </summary>
public static class Extensions
{
    private const string HealthEndpointPath = "/health";
    private const string HealthCheckTimeoutKey = "HealthChecks:Timeout";
    private const string AlivenessEndpointPath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Retries stay off for POST/PUT/PATCH/DELETE: retrying an upload after a timeout could
            // queue the same job twice. Clients with idempotent writes (engines) set their own pipeline.
            http.AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>Binds <see cref="LinksOptions"/> ("Links"), validated at start: the Api and the Web app link to each other and to the dashboard.</summary>
    public static TBuilder AddFluxCaptionLinks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<LinksOptions>()
            .BindConfiguration(LinksOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(FluxCaptionTelemetry.MeterNames))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(FluxCaptionTelemetry.ActivitySourceNames)
                .AddAspNetCoreInstrumentation(options =>
                    // Probes every few seconds would drown the traces that matter.
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddHttpClientInstrumentation());

        // Npgsql and Redis spans and metrics come from the Aspire client integrations (AddNpgsqlDbContext,
        // AddRedisClient) in the services that use them; adding them here too would register them
        // twice and give the Web app, which uses neither, instrumentation it does not need.

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

        // The client integrations' checks (Npgsql, Redis) have no timeout of their own and would wait for the
        // client's retries while a dependency is down; a probe must answer Unhealthy within seconds instead.
        var timeout = builder.Configuration.GetValue<TimeSpan?>(HealthCheckTimeoutKey) ?? TimeSpan.FromSeconds(3);
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(registration => registration.Timeout == Timeout.InfiniteTimeSpan))
            {
                registration.Timeout = timeout;
            }
        });
        return builder;
    }

    /// <summary>
    /// Maps /health (every check: Postgres, Redis...) and /alive (the process only). Unlike the
    /// template these are mapped in every environment, because orchestrators probe them in
    /// production too; they answer with the status word only, never check details.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions
        {
            ResponseWriter = WriteStatusOnly,
        });
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("live"),
            ResponseWriter = WriteStatusOnly,
        });
        return app;
    }

    private static Task WriteStatusOnly(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}
