using System.Net.Http.Headers;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using FluxCaption.Tests.TestServers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FluxCaption.Tests.AppHost;

/// <summary>
/// The whole AppHost, started the way a user starts it on a machine without containers (executables
/// mode: PostgreSQL and Redis from this machine's binaries), with a scripted Ollama as the user's LLM
/// server. Shared by the tests of one class: starting it costs about half a minute.
/// </summary>
public class AspireSystem : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("fluxcaption-apphost-").FullName;
    private DistributedApplication? _app;

    public string ApiKey { get; } = "fc_apphost_test_" + Guid.NewGuid().ToString("N");

    public ScriptedOllamaServer Ollama { get; private set; } = null!;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost did not start.");

    public string StateDirectory => _state;

    /// <summary>FluxCaption:WorkerReplicas for this system.</summary>
    protected virtual int WorkerReplicas => 1;

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        Ollama = await ScriptedOllamaServer.StartAsync(cancellationToken: timeout.Token);
        Ollama.PullableModels.Add(Ollama.Model);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.FluxCaption_AppHost>(
        [
            "--FluxCaption:Infrastructure=executables",
            $"--FluxCaption:StateDirectory={_state}",
            $"--ConnectionStrings:llm={Ollama.ConnectionString}",
            $"--Parameters:api-key={ApiKey}",
            $"--FluxCaption:WorkerReplicas={WorkerReplicas}",
        ], timeout.Token);

        // The testing builder runs without the dashboard but still points every service's OTLP exporter
        // at it: their last flush would then hold up each stop past the orchestrator's patience.
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }

        // Resource consoles and start-up probe failures are the dashboard's business, not the test log's.
        builder.Services.AddLogging(logging => logging
            .AddFilter("FluxCaption.AppHost.Resources", LogLevel.None)
            .AddFilter("Aspire", LogLevel.Warning)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .AddFilter("Polly", LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("worker", timeout.Token);
    }

    public HttpClient CreateApiClient()
    {
        var client = App.CreateHttpClient("api");
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public IResource Resource(string name) =>
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);

    public Task<ExecuteCommandResult> ExecuteCommandAsync(string resource, string command, CancellationToken ct) =>
        App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(Resource(resource), command, ct);

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        if (Ollama is not null)
        {
            await Ollama.DisposeAsync();
        }

        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing its last file; the temp folder is swept by the OS.
        }
        catch (UnauthorizedAccessException)
        {
            // As root the database folder belongs to 'postgres'.
        }
    }
}

/// <summary>The same system with three worker replicas (FluxCaption:WorkerReplicas=3).</summary>
public sealed class ThreeWorkerAspireSystem : AspireSystem
{
    protected override int WorkerReplicas => 3;
}
