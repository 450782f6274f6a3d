using System.Text.Json;
using FluxCaption.Tests.Infrastructure;

namespace FluxCaption.Tests.AppHost;

/// <summary>The Aspire manifest `azd` deploys from: containers for the infrastructure, parameters for secrets, the five projects.</summary>
public sealed class ManifestPublishTests
{
    [Fact]
    public async Task TheManifestHasContainersForTheInfrastructureParametersForSecretsAndTheFiveProjects()
    {
        var folder = Directory.CreateTempSubdirectory("fluxcaption-manifest-").FullName;
        var path = Path.Combine(folder, "aspire-manifest.json");
        try
        {
            // The AppHost as `dotnet run --project FluxCaption.AppHost -- --publisher manifest` runs it; no
            // container runtime is needed to publish.
            await ChildProcess.RunAsync("dotnet",
                [AppHostAssembly(), "--publisher", "manifest", "--output-path", path],
                timeout: TimeSpan.FromMinutes(2));

            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
            var resources = manifest.RootElement.GetProperty("resources");
            string Type(string name) => resources.GetProperty(name).GetProperty("type").GetString()!;

            Type("postgres").ShouldBe("container.v0");
            resources.GetProperty("postgres").GetProperty("image").GetString().ShouldStartWith("docker.io/library/postgres:");
            Type("redis").ShouldBe("container.v0");
            Type("ollama").ShouldBe("container.v0");
            resources.GetProperty("ollama").GetProperty("image").GetString().ShouldStartWith("ollama/ollama");
            Type("fluxcaption").ShouldBe("value.v0");
            Type("llm").ShouldBe("value.v0");
            resources.GetProperty("llm").GetProperty("connectionString").GetString()!.ShouldContain("Model=");

            foreach (var secret in new[] { "api-key", "postgres-password", "redis-password" })
            {
                Type(secret).ShouldBe("parameter.v0");
                resources.GetProperty(secret).GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean().ShouldBeTrue(secret);
            }

            var projects = resources.EnumerateObject().Where(r => r.Value.GetProperty("type").GetString() == "project.v0").Select(r => r.Name);
            projects.ShouldBe(["migrations", "api", "worker", "scheduler", "web"], ignoreOrder: true);
            var api = resources.GetProperty("api").GetProperty("env");
            api.GetProperty("Api__Key").GetString().ShouldBe("{api-key.value}");
            api.GetProperty("ConnectionStrings__fluxcaption").GetString().ShouldBe("{fluxcaption.connectionString}");
            api.GetProperty("ConnectionStrings__llm").GetString().ShouldBe("{llm.connectionString}");
            resources.GetProperty("migrations").GetProperty("args").EnumerateArray().Select(a => a.GetString()).ShouldBe(["migrate"]);
            resources.GetProperty("scheduler").GetProperty("env").GetProperty("Worker__Roles").GetString().ShouldBe("scheduler");

            // The local-only pieces never reach a deployment.
            resources.TryGetProperty("Links__DashboardUrl", out _).ShouldBeFalse();
            File.ReadAllText(path).ShouldNotContain("start-postgres.sh");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The AppHost's own build output (same configuration as these tests): the copy beside the test
    // binaries carries the test project's dependency manifest, not its own.
    private static string AppHostAssembly()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        for (var directory = testBin; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FluxCaption.sln")))
            {
                return Path.Combine(directory.FullName, "FluxCaption.AppHost", "bin", configuration, testBin.Name, "FluxCaption.AppHost.dll");
            }
        }

        throw new DirectoryNotFoundException("No FluxCaption.sln above the test binaries.");
    }
}
