using System.Security.Cryptography;
using FluxCaption.AppHost;
using FluxCaption.AppHost.Infrastructure;
using FluxCaption.AppHost.Llm;
using FluxCaption.AppHost.Run;
using Microsoft.Extensions.Configuration;

// The FluxCaption distributed application. Without a container runtime PostgreSQL and Redis run from the
// machine's binaries as executable resources; with one (and when publishing) as containers, with Ollama.
var builder = DistributedApplication.CreateBuilder(args);
var config = builder.Configuration;
var isRun = builder.ExecutionContext.IsRunMode;

var mode = InfrastructureModeResolver.Resolve(
    config[InfrastructureModeResolver.SettingName],
    builder.ExecutionContext.IsPublishMode,
    () => InfrastructureModeResolver.ContainerRuntimeAnswers(config["ASPIRE_CONTAINER_RUNTIME"]));
var state = isRun ? new StateFolder(config[StateFolder.SettingName] ?? Path.Combine(builder.AppHostDirectory, "..", ".fluxcaption")) : null;

if (state is not null)
{
    // Generated once and kept in the state folder, never asked for; a configured value wins.
    config["Parameters:api-key"] ??= state.GetOrCreateSecret(RunSummary.ApiKeyFileName, () => "fc_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
    // A known login token lets the run summary print the dashboard's login link.
    config["AppHost:BrowserToken"] ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

var infrastructure = builder.AddFluxCaptionInfrastructure(mode, state);
var llm = builder.AddFluxCaptionLlm(mode);
var apiKey = builder.AddParameter("api-key", new GenerateParameterDefault { MinLength = 40, Special = false }, secret: true);
// The services run as Production (no developer error pages) unless told otherwise; the AppHost's own
// Development profile is for the dashboard only.
var environment = config["FluxCaption:ServiceEnvironment"] ?? "Production";
var dashboardUrl = RunSummary.DashboardUrl(config);

var migrations = builder.AddProject<Projects.FluxCaption_Api>("migrations", o => o.ExcludeLaunchProfile = true)
    .WithArgs("migrate")
    .WithEnvironment("DOTNET_ENVIRONMENT", environment)
    .WithFluxCaptionData(infrastructure);

var api = builder.AddProject<Projects.FluxCaption_Api>("api")
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
    .WithFluxCaptionData(infrastructure)
    .WithFluxCaptionLlm(llm, config)
    .WithEnvironment("Api__Key", apiKey)
    .WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health");

// The Worker serves only /health and /alive: no launch profile, so the scheduler and every replica get
// ports of their own instead of clashing on one.
var worker = builder.AddProject<Projects.FluxCaption_Worker>("worker", o => o.ExcludeLaunchProfile = true)
    .WithHttpEndpoint(name: "http")
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
    .WithEnvironment("Worker__Roles", "consumer")
    .WithFluxCaptionData(infrastructure)
    .WithFluxCaptionLlm(llm, config)
    .WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health")
    .WithReplicas(Math.Max(1, config.GetValue("FluxCaption:WorkerReplicas", 1)));

var scheduler = builder.AddProject<Projects.FluxCaption_Worker>("scheduler", o => o.ExcludeLaunchProfile = true)
    .WithHttpEndpoint(name: "http")
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
    .WithEnvironment("Worker__Roles", "scheduler")
    .WithFluxCaptionData(infrastructure)
    .WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health");

var web = builder.AddProject<Projects.FluxCaption_Web>("web")
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
    .WithExternalHttpEndpoints()
    .WithReference(api)
    .WithEnvironment("FluxCaptionApi__ApiKey", apiKey)
    .WithEnvironment("Links__ApiUrl", api.GetEndpoint("http"))
    .WaitFor(api)
    .WithHttpHealthCheck("/health");

api.WithEnvironment("Links__WebUrl", web.GetEndpoint("http"));
if (dashboardUrl is not null && isRun)
{
    api.WithEnvironment("Links__DashboardUrl", dashboardUrl);
    web.WithEnvironment("Links__DashboardUrl", dashboardUrl);
}

// The folders local libraries may live in (one or more); without them any folder but the refused ones is accepted.
foreach (var root in config.GetSection("LocalMedia:AllowedRoots").GetChildren().Where(root => !string.IsNullOrWhiteSpace(root.Value)))
{
    api.WithEnvironment($"LocalMedia__AllowedRoots__{root.Key}", root.Value!);
}

// An administrator given to the AppHost (Auth__Administrator__UserName and __Password) is created by the Api
// at start when no account exists; without one, the Web app's first visit creates it.
foreach (var setting in config.GetSection("Auth:Administrator").GetChildren().Where(setting => !string.IsNullOrWhiteSpace(setting.Value)))
{
    api.WithEnvironment($"Auth__Administrator__{setting.Key}", setting.Value!);
}

api.WithUrl($"{api.GetEndpoint("http")}/scalar", "API reference");

if (state is not null)
{
    // ffmpeg extractions and other temp files land where the scheduler's cleanup job sweeps.
    var temp = state.CreatePrivateDirectory("tmp");
    foreach (var service in new[] { api, worker, scheduler })
    {
        service.WithEnvironment("Worker__TempDirectory", temp).WithEnvironment("Media__TempDirectory", temp);
    }

    // The Api refuses the state folder (API key, secrets, database files) as a local library.
    api.WithEnvironment("LocalMedia__StateDirectory", state.Path);

    // Whisper models are large and kept between runs, beside the rest of FluxCaption's state, unless the
    // AppHost was given a folder of its own (that one is forwarded with the other Speech settings).
    if (string.IsNullOrWhiteSpace(builder.Configuration["Speech:WhisperNet:ModelsFolder"]))
    {
        worker.WithEnvironment("Speech__WhisperNet__ModelsFolder", state.Combine(Path.Combine("models", "whisper")));
    }

    RunSummary.WriteWhenApiIsHealthy(builder, state, api, web, apiKey);
}

builder.Build().Run();
