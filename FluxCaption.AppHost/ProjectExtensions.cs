using FluxCaption.AppHost.Infrastructure;
using FluxCaption.AppHost.Llm;
using Microsoft.Extensions.Configuration;

namespace FluxCaption.AppHost;

internal static class ProjectExtensions
{
    /// <summary>ConnectionStrings__fluxcaption and __redis, started only once both answer.</summary>
    public static IResourceBuilder<ProjectResource> WithFluxCaptionData(
        this IResourceBuilder<ProjectResource> project, FluxCaptionInfrastructure infrastructure) =>
        project
            .WithReference(infrastructure.Database, InfrastructureExtensions.DatabaseName)
            .WithReference(infrastructure.Redis, "redis")
            .WaitFor(infrastructure.Database)
            .WaitFor(infrastructure.Redis);

    // Engine settings given to the AppHost (OpenAi__BaseUrl=... dotnet run ...) reach the services that
    // translate, as they did when each service was started by hand.
    private static readonly string[] ForwardedSections = ["OpenAi", "Ollama", "Apertium", "Translation", "Speech", "Ocr"];

    /// <summary>ConnectionStrings__llm when there is an LLM, plus the engine settings the AppHost was given.</summary>
    public static IResourceBuilder<ProjectResource> WithFluxCaptionLlm(
        this IResourceBuilder<ProjectResource> project, FluxCaptionLlm? llm, IConfiguration configuration)
    {
        if (llm is not null)
        {
            project.WithReference(llm.Connection, LlmExtensions.ResourceName);
            if (llm.Ollama is not null)
            {
                project.WaitFor(llm.Ollama);
            }
        }

        foreach (var section in ForwardedSections)
        {
            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable(makePathsRelative: false))
            {
                if (value is not null)
                {
                    project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
                }
            }
        }

        return project;
    }
}
