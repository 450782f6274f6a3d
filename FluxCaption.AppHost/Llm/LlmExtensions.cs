using FluxCaption.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FluxCaption.AppHost.Llm;

/// <summary>The <c>llm</c> connection string and, in containers mode, the Ollama container behind it.</summary>
public sealed record FluxCaptionLlm(
    IResourceBuilder<IResourceWithConnectionString> Connection,
    IResourceBuilder<ContainerResource>? Ollama);

public static class LlmExtensions
{
    public const string ResourceName = "llm";
    public const string PullCommandName = "pull-model";
    private const string HttpClientName = "ollama-pull";

    /// <summary>
    /// A user who runs Ollama (or an OpenAI-compatible server) elsewhere gives ConnectionStrings:llm and it
    /// becomes a connection-string parameter. Otherwise containers mode runs an Ollama container and builds
    /// the connection string from its endpoint; executables mode has no LLM and jobs use Apertium.
    /// </summary>
    public static FluxCaptionLlm? AddFluxCaptionLlm(this IDistributedApplicationBuilder builder, InfrastructureMode mode)
    {
        // Pulls run for minutes: the orchestrator's resilient defaults would cut them off.
        builder.Services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);

        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ResourceName)))
        {
            return new(builder.AddConnectionString(ResourceName).WithPullModelCommand(), null);
        }

        if (mode == InfrastructureMode.Executables)
        {
            return null;
        }

        var model = builder.Configuration["FluxCaption:OllamaModel"] ?? "qwen2.5:7b-instruct";
        var ollama = builder.AddContainer("ollama", "ollama/ollama")
            .WithHttpEndpoint(targetPort: 11434, name: "http")
            .WithVolume("fluxcaption-ollama", "/root/.ollama")
            .WithHttpHealthCheck("/api/version");
        if (builder.Configuration.GetValue("FluxCaption:OllamaGpu", false))
        {
            ollama.WithContainerRuntimeArgs("--gpus", "all");
        }

        if (builder.ExecutionContext.IsRunMode)
        {
            // Models are gigabytes: keep the container (and what it loaded) across AppHost restarts.
            ollama.WithLifetime(ContainerLifetime.Persistent);
        }

        var endpoint = ollama.GetEndpoint("http");
        var llm = builder.AddConnectionString(ResourceName, ReferenceExpression.Create($"Endpoint={endpoint};Model={model}"))
            .WithPullModelCommand();

        builder.Eventing.Subscribe<ResourceReadyEvent>(ollama.Resource, (ready, ct) =>
        {
            // In the background: a first pull takes minutes and must not hold up the services.
            var stopping = ready.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = Task.Run(() => PullWhenMissingAsync(ready.Services, llm.Resource, stopping), stopping);
            return Task.CompletedTask;
        });

        return new(llm, ollama);
    }

    private static IResourceBuilder<IResourceWithConnectionString> WithPullModelCommand(
        this IResourceBuilder<IResourceWithConnectionString> llm) =>
        llm.WithCommand(PullCommandName, "Pull model", async context =>
        {
            try
            {
                var (puller, connection) = await CreatePullerAsync(context.Services, llm.Resource, context.CancellationToken);
                var outcome = await puller.PullAsync(connection.Endpoint, connection.Model, context.CancellationToken);
                return outcome.Success ? CommandResults.Success() : CommandResults.Failure(outcome.Error ?? "the pull failed");
            }
            catch (Exception ex) when (ex is HttpRequestException or FormatException or TaskCanceledException)
            {
                return CommandResults.Failure(ex.Message);
            }
        }, new CommandOptions
        {
            Description = "Pulls the configured model into the Ollama server; progress shows in this resource's console.",
            IconName = "ArrowDownload",
            UpdateState = _ => ResourceCommandState.Enabled,
        });

    private static async Task PullWhenMissingAsync(IServiceProvider services, IResourceWithConnectionString llm, CancellationToken ct)
    {
        var log = services.GetRequiredService<ResourceLoggerService>().GetLogger(llm);
        try
        {
            var (puller, connection) = await CreatePullerAsync(services, llm, ct);
            if (!await puller.HasModelAsync(connection.Endpoint, connection.Model, ct))
            {
                await puller.PullAsync(connection.Endpoint, connection.Model, ct);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or FormatException or System.Text.Json.JsonException)
        {
            log.LogError(ex, "Could not check or pull the model");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    private static async Task<(OllamaModelPuller Puller, LlmConnection Connection)> CreatePullerAsync(
        IServiceProvider services, IResourceWithConnectionString llm, CancellationToken ct)
    {
        var connectionString = await llm.GetConnectionStringAsync(ct)
            ?? throw new FormatException("The llm connection string has no value.");
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        var log = services.GetRequiredService<ResourceLoggerService>().GetLogger(llm);
        return (new OllamaModelPuller(http, log), LlmConnection.Parse(connectionString));
    }
}
