using System.Diagnostics;

namespace FluxCaption.AppHost.Infrastructure;

/// <summary>How PostgreSQL, Redis and Ollama run: as containers, or from the machine's binaries.</summary>
public enum InfrastructureMode
{
    Containers,
    Executables,
}

public static class InfrastructureModeResolver
{
    public const string SettingName = "FluxCaption:Infrastructure";

    /// <summary>
    /// <c>auto</c> (the default) picks containers when publishing (a deployment always runs them) or when a
    /// container runtime answers within a few seconds, and executables otherwise: without a runtime every
    /// container would sit in "Unknown" forever and everything waiting on it in "Waiting", with no error.
    /// </summary>
    public static InfrastructureMode Resolve(string? setting, bool isPublishMode, Func<bool> containerRuntimeAnswers) =>
        (setting ?? "auto").Trim().ToLowerInvariant() switch
        {
            "containers" => InfrastructureMode.Containers,
            "executables" => InfrastructureMode.Executables,
            "auto" or "" => isPublishMode || containerRuntimeAnswers()
                ? InfrastructureMode.Containers
                : InfrastructureMode.Executables,
            _ => throw new InvalidOperationException(
                $"{SettingName} must be 'auto', 'containers' or 'executables', not '{setting}'."),
        };

    /// <summary>
    /// Asks the runtime Aspire would use (ASPIRE_CONTAINER_RUNTIME, docker by default) for its info. A CLI
    /// that is installed but has no daemon behind it fails this check, which is the point.
    /// </summary>
    public static bool ContainerRuntimeAnswers(string? runtime)
    {
        var command = string.IsNullOrWhiteSpace(runtime) ? "docker" : runtime;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
